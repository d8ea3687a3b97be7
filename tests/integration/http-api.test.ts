// Every Pusher HTTP API endpoint, called by the real `pusher` SDK, with its signatures and limits.
import { createHash, createHmac } from 'node:crypto'
import Pusher from 'pusher'
import type PusherJs from 'pusher-js'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { connected, pusherClient, serverSdk, waitFor } from '../support/clients'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let sdk: Pusher
const clients: PusherJs[] = []

async function subscribedClient(channel: string, userId = 'u'): Promise<{ client: PusherJs, received: unknown[] }> {
  const client = pusherClient(server, sdk, { user: { user_id: userId } })
  clients.push(client)
  await connected(client)
  const received: unknown[] = []
  let ready = false
  const subscription = client.subscribe(channel)
  subscription.bind('pusher:subscription_succeeded', () => { ready = true })
  subscription.bind_global((event: string, data: unknown) => { if (!event.startsWith('pusher')) received.push(data) })
  await waitFor(() => ready, 5_000, `subscription to ${channel}`)
  return { client, received }
}

async function statusOf(request: Promise<unknown>): Promise<{ status: number, body: string }> {
  try {
    const response = await request as { status: number }
    return { status: response.status, body: '' }
  }
  catch (error) {
    const { status, body } = error as { status: number, body: string }
    return { status, body }
  }
}

beforeAll(async () => {
  server = await startServer({ REVERB_APP_MAX_MESSAGE_SIZE: '1000' })
  sdk = serverSdk(server)
})
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect()
})
afterAll(() => server.stop())

describe('Laravel compatibility', () => {
  it('accepts events from the SDK configured exactly as Laravel\'s reverb broadcaster configures it', async () => {
    // config/broadcasting.php, 'reverb' connection: key, secret, app_id and options host/port/scheme/useTLS.
    const env = { REVERB_APP_ID: TEST_APP.id, REVERB_APP_KEY: TEST_APP.key, REVERB_APP_SECRET: TEST_APP.secret, REVERB_HOST: '127.0.0.1', REVERB_PORT: String(server.port), REVERB_SCHEME: 'http' }
    const laravel = new Pusher({
      appId: env.REVERB_APP_ID,
      key: env.REVERB_APP_KEY,
      secret: env.REVERB_APP_SECRET,
      host: env.REVERB_HOST,
      port: env.REVERB_PORT,
      useTLS: env.REVERB_SCHEME === 'https',
    })
    const { received } = await subscribedClient('private-orders')
    const response = await laravel.trigger(['private-orders'], 'App\\Events\\OrderShipped', { order: { id: 5 } })
    expect(response.status).toBe(200)
    await waitFor(() => received.length === 1, 5_000, 'the Laravel event')
    expect(received[0]).toMatchObject({ order: { id: 5 } })
  })
})

describe('POST /apps/{id}/events', () => {
  it('publishes to several channels and reports channel info on request', async () => {
    const a = await subscribedClient('presence-a', 'alice')
    const b = await subscribedClient('public-b')
    const response = await sdk.trigger(['presence-a', 'public-b'], 'ping', { n: 1 }, { info: 'subscription_count' })
    expect(await response.json()).toEqual({ channels: { 'presence-a': { subscription_count: 1 }, 'public-b': { subscription_count: 1 } } })
    await waitFor(() => a.received.length === 1 && b.received.length === 1, 5_000, 'both deliveries')
  })

  it('refuses a payload over the size limit with 413 and a message', async () => {
    const result = await statusOf(sdk.trigger('public-x', 'big', { blob: 'x'.repeat(2_000) }))
    expect(result.status).toBe(413)
    expect(result.body).toMatch(/data/)
  })

  it('refuses a bad channel name with 400 naming the field', async () => {
    const path = `/apps/${TEST_APP.id}/events`
    const body = JSON.stringify({ name: 'e', data: '{}', channels: ['bad name'] })
    const response = await fetch(`${server.url}${path}?${signedQuery('POST', path, body)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/channels/)
  })

  it('refuses a request signed with the wrong secret with 401', async () => {
    const forger = new Pusher({ appId: TEST_APP.id, key: TEST_APP.key, secret: 'wrong-secret', host: '127.0.0.1', port: String(server.port), useTLS: false })
    expect((await statusOf(forger.trigger('public-x', 'e', {}))).status).toBe(401)
  })

  it('refuses a request whose timestamp is more than 600 s old with 401', async () => {
    vi.spyOn(Date, 'now').mockReturnValueOnce(Date.now() - 700_000)
    const result = await statusOf(sdk.trigger('public-x', 'e', {}))
    vi.restoreAllMocks()
    expect(result.status).toBe(401)
    expect(result.body).toMatch(/auth_timestamp/)
  })

  it('refuses a body that does not match body_md5 with 401', async () => {
    const signed = await fetch(`${server.url}/apps/${TEST_APP.id}/events?${signedQuery('POST', `/apps/${TEST_APP.id}/events`, '{"name":"e","channels":["a"],"data":"{}"}')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"e","channels":["a"],"data":"{\\"x\\":1}"}',
    })
    expect(signed.status).toBe(401)
    expect(await signed.text()).toMatch(/body_md5/)
  })

  it('answers 404 for an unknown app id', async () => {
    const stranger = new Pusher({ appId: 'nope', key: TEST_APP.key, secret: TEST_APP.secret, host: '127.0.0.1', port: String(server.port), useTLS: false })
    expect((await statusOf(stranger.trigger('public-x', 'e', {}))).status).toBe(404)
  })
})

describe('POST /apps/{id}/batch_events', () => {
  it('publishes every event of a batch', async () => {
    const { received } = await subscribedClient('private-batch')
    const response = await sdk.triggerBatch([
      { channel: 'private-batch', name: 'one', data: { n: 1 } },
      { channel: 'private-batch', name: 'two', data: { n: 2 } },
    ])
    expect(response.status).toBe(200)
    await waitFor(() => received.length === 2, 5_000, 'two batched events')
    expect(received).toMatchObject([{ n: 1 }, { n: 2 }])
  })

  it('refuses a batch over the limit with 413', async () => {
    const batch = Array.from({ length: 11 }, (_, n) => ({ channel: 'public-x', name: 'e', data: { n } }))
    expect((await statusOf(sdk.triggerBatch(batch))).status).toBe(413)
  })
})

describe('GET channels, channel, users', () => {
  it('lists occupied channels with a prefix filter and user counts', async () => {
    await subscribedClient('presence-list', 'p1')
    await subscribedClient('presence-list', 'p2')
    await subscribedClient('private-list')
    const response = await sdk.get({ path: '/channels', params: { filter_by_prefix: 'presence-', info: 'user_count' } })
    expect(await response.json()).toEqual({ channels: { 'presence-list': { user_count: 2 } } })
    const all = await (await sdk.get({ path: '/channels' })).json() as { channels: Record<string, unknown> }
    expect(Object.keys(all.channels).sort()).toEqual(['presence-list', 'private-list'])
  })

  it('describes one channel and lists a presence channel\'s users', async () => {
    await subscribedClient('presence-info', 'zed')
    const info = await (await sdk.get({ path: '/channels/presence-info', params: { info: 'user_count,subscription_count' } })).json()
    expect(info).toEqual({ occupied: true, user_count: 1, subscription_count: 1 })
    const users = await (await sdk.get({ path: '/channels/presence-info/users' })).json()
    expect(users).toEqual({ users: [{ id: 'zed' }] })
    const empty = await (await sdk.get({ path: '/channels/private-nobody' })).json()
    expect(empty).toEqual({ occupied: false })
  })

  it('refuses user_count on a non-presence channel with 400', async () => {
    expect((await statusOf(sdk.get({ path: '/channels/private-x', params: { info: 'user_count' } }))).status).toBe(400)
  })
})

describe('POST /apps/{id}/users/{id}/terminate_connections', () => {
  it('answers 200 and closes the user\'s sockets', async () => {
    const { client } = await subscribedClient('presence-term', 'victim')
    const response = await sdk.terminateUserConnections('victim')
    expect(response.status).toBe(200)
    await waitFor(() => client.connection.state !== 'connected', 5_000, 'termination')
  })
})

/** Signs a request as the SDK does, for a body that is then swapped (the SDK cannot send a mismatch). */
function signedQuery(method: string, path: string, body: string): string {
  const params = { auth_key: TEST_APP.key, auth_timestamp: String(Math.floor(Date.now() / 1000)), auth_version: '1.0', body_md5: createHash('md5').update(body).digest('hex') }
  const query = Object.entries(params).sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `${key}=${value}`).join('&')
  const signature = createHmac('sha256', TEST_APP.secret).update([method, path, query].join('\n')).digest('hex')
  return `${query}&auth_signature=${signature}`
}
