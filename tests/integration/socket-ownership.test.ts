// Every socket the server signs for belongs to a user: disabling the user, changing their role, terminating their
// connections or revoking the token that signed closes it with 4009, even when it never signed in (built server, pusher-js).
import type PusherJs from 'pusher-js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { serverSdk, sessionClient, waitFor } from '../support/clients'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken } from '../support/ingest-token'
import { RawSocket } from '../support/raw-socket'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
const cleanups: Array<() => void> = []

beforeAll(async () => {
  server = await startServer()
}, 120_000)
afterAll(() => server.stop())
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) })

/** A pusher-js client authorised by the session's /broadcasting/auth (no signin), with the events it got. */
async function listening(session: Session, channel: string): Promise<{ client: PusherJs, events: unknown[] }> {
  const client = sessionClient(server, session)
  cleanups.push(() => client.disconnect())
  const events: unknown[] = []
  let joined = false
  client.subscribe(channel).bind('pusher:subscription_succeeded', () => { joined = true }).bind('alert.created', (data: unknown) => events.push(data))
  await waitFor(() => joined, 10_000, `subscription to ${channel}`)
  return { client, events }
}

/** A raw socket subscribed to `channel` with a signature from `authorize` (a session or a bearer token). */
async function rawSubscribed(channel: string, authorize: (path: string, init: RequestInit) => Promise<Response>): Promise<RawSocket> {
  const socket = await RawSocket.open(server, TEST_APP.key)
  cleanups.push(() => socket.close())
  const signed = await authorize('/broadcasting/auth', post({ socket_id: socket.established.socket_id, channel_name: channel }))
  expect(signed.status).toBe(200)
  socket.send({ event: 'pusher:subscribe', data: { channel, ...await signed.json() as object } })
  await socket.next('pusher_internal:subscription_succeeded')
  return socket
}

describe('sockets bound by channel auth', () => {
  it('a disabled viewer\'s sockets close with 4009 at once, and nothing published afterwards reaches them', async () => {
    const admin = await login(server, demoEmail('admin', 'greenfield'))
    const viewer = await login(server, demoEmail('viewer', 'greenfield'))
    const witness = await listening(admin, 'private-tenant.1.alerts')
    const viewerClient = await listening(viewer, 'private-tenant.1.alerts')
    const raw = await rawSubscribed('private-tenant.1.events', viewer.fetch)
    // A signature fetched before the disable, for a channel the socket has not joined yet.
    const early = await (await viewer.fetch('/broadcasting/auth', post({ socket_id: raw.established.socket_id, channel_name: 'private-tenant.1.gateways' }))).json() as object

    const disabled = await admin.fetch(`/api/users/${viewer.user.id}/disable`, { method: 'POST' })
    try {
      expect(await disabled.json()).toMatchObject({ disabled: true, connectionsClosed: 2 })
      expect(await raw.closedWith(1_000)).toMatchObject({ code: 4009 })
      await waitFor(() => viewerClient.client.connection.state !== 'connected', 1_000, 'the viewer\'s pusher-js socket to close')
      raw.send({ event: 'pusher:subscribe', data: { channel: 'private-tenant.1.gateways', ...early } })

      await serverSdk(server).trigger('private-tenant.1.alerts', 'alert.created', { id: 'after-disable' })
      await waitFor(() => witness.events.length === 1, 5_000, 'the admin to get the event')
      expect(viewerClient.events).toEqual([])
      expect(raw.frames.some(frame => frame.channel === 'private-tenant.1.gateways')).toBe(false)
    }
    finally {
      await admin.fetch(`/api/users/${viewer.user.id}/enable`, { method: 'POST' })
    }
  })

  it('terminate-connections closes an operator\'s socket that never signed in', async () => {
    const admin = await login(server, demoEmail('admin', 'northwind'))
    const operator = await login(server, demoEmail('operator', 'northwind'))
    const raw = await rawSubscribed('private-tenant.2.alerts', operator.fetch)
    const answer = await admin.fetch(`/api/users/${operator.user.id}/terminate-connections`, { method: 'POST' })
    expect(await answer.json()).toMatchObject({ connectionsClosed: 1 })
    expect(await raw.closedWith(1_000)).toMatchObject({ code: 4009 })
  })

  it('changing a user\'s role closes their sockets signed under the old role; changing only their name does not', async () => {
    const admin = await login(server, demoEmail('admin', 'northwind'))
    const viewer = await login(server, demoEmail('viewer', 'northwind'))
    const patch = (body: unknown) => admin.fetch(`/api/users/${viewer.user.id}`, { method: 'PATCH', body: JSON.stringify(body) })
    const raw = await rawSubscribed('private-tenant.2.alerts', viewer.fetch)
    expect((await patch({ name: 'Renamed Viewer' })).status).toBe(200)
    expect(raw.isOpen).toBe(true)
    try {
      expect(await (await patch({ role: 'operator' })).json()).toMatchObject({ data: { role: 'operator' } })
      expect(await raw.closedWith(1_000)).toMatchObject({ code: 4009 })
    }
    finally {
      await patch({ role: 'viewer' })
    }
  })

  it('revoking an API token closes the sockets it signed, and only those', async () => {
    const admin = await login(server, demoEmail('admin', 'greenfield'))
    const token = await createToken(admin, ['read'], 'phone')
    const bearer = (path: string, init: RequestInit) => fetch(`${server.url}${path}`, { ...init, headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' } })
    const phone = await rawSubscribed('private-tenant.1.alerts', bearer)
    const browser = await rawSubscribed('private-tenant.1.alerts', admin.fetch)
    const tokenId = Number(token.split('_')[1])
    const revoked = await admin.fetch(`/api/tokens/${tokenId}`, { method: 'DELETE' })
    expect(await revoked.json()).toMatchObject({ revoked: true, connectionsClosed: 1 })
    expect(await phone.closedWith(1_000)).toMatchObject({ code: 4009 })
    expect(browser.isOpen).toBe(true)
  })
})
