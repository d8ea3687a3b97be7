// Sessions end on the server: a cookie copied before logout or disable stops working everywhere (REST, channel
// auth, commands), re-enabling revives none, and users list and end their own sessions (built server, pusher-js).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionClient, waitFor } from '../support/clients'
import { DEMO_PASSWORD, demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess

beforeAll(async () => {
  server = await startServer({ LOGIN_ATTEMPTS_PER_MINUTE: '100' })
}, 120_000)
afterAll(() => server.stop())

const post = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body) })

/** Statuses a copied cookie gets from a read, a channel auth and a command. */
async function whatTheCookieStillDoes(session: Session): Promise<number[]> {
  return Promise.all([
    session.fetch('/api/auth/me'),
    session.fetch('/broadcasting/auth', post({ socket_id: '1.2', channel_name: `private-tenant.${session.user.tenantId}.alerts` })),
    session.fetch('/api/zones/1/commands', post({ kind: 'irrigate' })),
  ].map(async response => (await response).status))
}

/** A session of a greenfield demo user, logged in with its own user agent. */
async function loginAs(role: 'viewer' | 'operator', userAgent: string): Promise<Session> {
  const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': userAgent }, body: JSON.stringify({ email: demoEmail(role, 'greenfield'), password: DEMO_PASSWORD }) })
  const body = await response.json() as { csrfToken: string, user: Session['user'] }
  const cookie = response.headers.getSetCookie().map(line => line.split(';')[0]).join('; ')
  return {
    cookie, csrf: body.csrfToken, user: body.user,
    fetch: (path, init = {}) => fetch(`${server.url}${path}`, { ...init, headers: { cookie, 'x-xsrf-token': body.csrfToken, 'content-type': 'application/json', ...init.headers as Record<string, string> } }),
  }
}

describe('logout', () => {
  it('ends the session on the server: the copied cookie gets 401 from REST, channel auth and commands', async () => {
    const operator = await login(server, demoEmail('operator', 'greenfield'))
    expect((await operator.fetch('/api/auth/me')).status).toBe(200)
    expect((await operator.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(200)
    expect(await whatTheCookieStillDoes(operator)).toEqual([401, 401, 401])
  })

  it('closes the sockets the session signed, with pusher-js', async () => {
    const viewer = await login(server, demoEmail('viewer', 'greenfield'))
    const client = sessionClient(server, viewer)
    let joined = false
    client.subscribe('private-tenant.1.events').bind('pusher:subscription_succeeded', () => { joined = true })
    try {
      await waitFor(() => joined, 10_000, 'the subscription')
      await viewer.fetch('/api/auth/logout', { method: 'POST' })
      await waitFor(() => client.connection.state !== 'connected', 1_000, 'the socket to close')
    }
    finally {
      client.disconnect()
    }
  })
})

describe('disable and enable', () => {
  it('deletes every session of the user; re-enabling revives none', async () => {
    const admin = await login(server, demoEmail('admin', 'greenfield'))
    const phone = await loginAs('operator', 'phone')
    const laptop = await loginAs('operator', 'laptop')
    expect((await admin.fetch(`/api/users/${phone.user.id}/disable`, { method: 'POST' })).status).toBe(200)
    expect((await admin.fetch(`/api/users/${phone.user.id}/enable`, { method: 'POST' })).status).toBe(200)
    expect(await whatTheCookieStillDoes(phone)).toEqual([401, 401, 401])
    expect(await whatTheCookieStillDoes(laptop)).toEqual([401, 401, 401])
    expect((await (await login(server, demoEmail('operator', 'greenfield'))).fetch('/api/auth/me')).status).toBe(200)
  })
})

describe('a user\'s own sessions', () => {
  it('are listed with created, last seen, address and user agent; one can be ended, then all the others', async () => {
    const phone = await loginAs('viewer', 'phone-agent')
    const laptop = await loginAs('viewer', 'laptop-agent')
    const listed = await (await laptop.fetch('/api/auth/sessions')).json() as { data: Array<{ id: number, createdAt: string, lastSeenAt: string, address: string, userAgent: string, current: boolean }> }
    const current = listed.data.filter(row => row.current)
    expect(current).toHaveLength(1)
    expect(listed.data.length).toBeGreaterThanOrEqual(2)
    expect(current[0]!.userAgent).toBe('laptop-agent')
    expect(listed.data.map(row => row.userAgent)).toContain('phone-agent')
    for (const row of listed.data) {
      expect(row.address).toBe('127.0.0.1')
      expect(Date.parse(row.createdAt)).not.toBeNaN()
      expect(Date.parse(row.lastSeenAt)).not.toBeNaN()
    }
    const phoneId = (await (await phone.fetch('/api/auth/sessions')).json() as typeof listed).data.find(row => row.current)!.id
    const operator = await login(server, demoEmail('operator', 'greenfield'))
    expect((await operator.fetch(`/api/auth/sessions/${phoneId}`, { method: 'DELETE' })).status).toBe(404)
    expect((await laptop.fetch(`/api/auth/sessions/${phoneId}`, { method: 'DELETE' })).status).toBe(200)
    expect((await phone.fetch('/api/auth/me')).status).toBe(401)

    const tablet = await loginAs('viewer', 'tablet-agent')
    const everywhereElse = await laptop.fetch('/api/auth/sessions', { method: 'DELETE' })
    expect((await everywhereElse.json() as { ended: number }).ended).toBeGreaterThanOrEqual(1)
    expect((await tablet.fetch('/api/auth/me')).status).toBe(401)
    expect((await laptop.fetch('/api/auth/me')).status).toBe(200)
    expect((await (await laptop.fetch('/api/auth/sessions')).json() as typeof listed).data.map(row => row.current)).toEqual([true])
  })
})
