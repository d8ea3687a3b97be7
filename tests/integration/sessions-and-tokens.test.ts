// Sessions, CSRF, API tokens, disabling users, rate limits and origins, against the built server.
import PusherJs from 'pusher-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { serverSocket, waitFor } from '../support/clients'
import { demoEmail, login } from '../support/http-session'
import { tokenSecret } from '../support/ingest-token'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess

beforeAll(async () => {
  // Sessions live 3 s here, so each test signs in for itself.
  server = await startServer({ SESSION_MAX_AGE: '3', BROADCAST_AUTH_PER_MINUTE_USER: '30', LOGIN_ATTEMPTS_PER_MINUTE: '50' })
}, 30_000)
afterAll(() => server.stop())

const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) })

describe('browser sessions', () => {
  it('refuses a wrong password with 401 and a malformed e-mail with 422 naming the field', async () => {
    const wrong = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demoEmail('admin', 'greenfield'), password: 'nope' }) })
    expect(wrong.status).toBe(401)
    const malformed = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'not-an-email', password: 'x' }) })
    expect(malformed.status).toBe(422)
    expect((await malformed.json() as { message: string }).message).toMatch(/^email/)
  })

  it('sets an HTTP-only SameSite session cookie, Secure behind TLS', async () => {
    const plain = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demoEmail('viewer', 'greenfield'), password: 'lookout-demo' }) })
    const cookie = plain.headers.getSetCookie().find(line => line.startsWith('lookout_session='))!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)
    const tls = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' }, body: JSON.stringify({ email: demoEmail('viewer', 'greenfield'), password: 'lookout-demo' }) })
    expect(tls.headers.getSetCookie().find(line => line.startsWith('lookout_session='))).toMatch(/Secure/)
  })

  it('ends with logout and expires after SESSION_MAX_AGE', async () => {
    const viewer = await login(server, demoEmail('viewer', 'greenfield'))
    expect((await viewer.fetch('/api/auth/me')).status).toBe(200)
    expect((await viewer.fetch('/api/auth/logout', { method: 'POST' })).status).toBe(200)
    const short = await login(server, demoEmail('viewer', 'northwind'))
    expect((await short.fetch('/api/auth/me')).status).toBe(200)
    await new Promise(done => setTimeout(done, 3_500))
    expect((await short.fetch('/api/auth/me')).status).toBe(401)
  })

  it('refuses a state-changing request without the CSRF header (419)', async () => {
    const fresh = await login(server, demoEmail('admin', 'greenfield'))
    const response = await fetch(`${server.url}/api/tokens`, { method: 'POST', headers: { 'cookie': fresh.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'x', abilities: ['read'] }) })
    expect(response.status).toBe(419)
  })

  it('keeps pages behind login', async () => {
    const anonymous = await fetch(`${server.url}/`, { redirect: 'manual' })
    expect(anonymous.status).toBe(302)
    expect(anonymous.headers.get('location')).toMatch(/\/login/)
    const signedIn = await login(server, demoEmail('viewer', 'greenfield'))
    expect((await signedIn.fetch('/', { redirect: 'manual' })).status).toBe(200)
    expect((await fetch(`${server.url}/api/tenants/1/alerts`)).status).toBe(401)
  })
})

describe('API tokens', () => {
  it('are created by an admin, scoped by abilities, and stop working when revoked', async () => {
    const fresh = await login(server, demoEmail('admin', 'greenfield'))
    const created = await fresh.fetch('/api/tokens', json({ name: 'dashboard script', abilities: ['read'] }))
    expect(created.status).toBe(201)
    const { id, token } = await created.json() as { id: number, token: string }
    const bearer = { authorization: `Bearer ${token}` }
    expect((await fetch(`${server.url}/api/tenants/1/alerts`, { headers: bearer })).status).toBe(200)
    expect((await fetch(`${server.url}/api/tenants/2/alerts`, { headers: bearer })).status).toBe(403)
    expect((await fetch(`${server.url}/api/tokens`, { headers: bearer })).status).toBe(403)
    const listed = await (await fresh.fetch('/api/tokens')).json() as { data: Array<{ id: number }> }
    expect(JSON.stringify(listed)).not.toContain(tokenSecret(token))
    expect((await fresh.fetch(`/api/tokens/${id}`, { method: 'DELETE' })).status).toBe(200)
    expect((await fetch(`${server.url}/api/tenants/1/alerts`, { headers: bearer })).status).toBe(401)
  })

  it('cannot be created by a viewer or an operator', async () => {
    for (const role of ['viewer', 'operator'] as const) {
      const session = await login(server, demoEmail(role, 'greenfield'))
      expect((await session.fetch('/api/tokens', json({ name: 'x', abilities: ['read'] }))).status).toBe(403)
    }
  })

  it('refuses a garbage bearer token with 401', async () => {
    expect((await fetch(`${server.url}/api/tenants/1/alerts`, { headers: { authorization: 'Bearer lk_1_not-the-secret-at-all-but-long-enough-000' } })).status).toBe(401)
  })
})

describe('disabling and terminating users', () => {
  it('closes a disabled user\'s sockets, ends their session and refuses their next auth', async () => {
    const admin = await login(server, demoEmail('admin', 'greenfield'))
    const operator = await login(server, demoEmail('operator', 'greenfield'))
    const socket = new PusherJs(TEST_APP.key, {
      cluster: 'local', ...serverSocket(server),
      channelAuthorization: {
        endpoint: '', transport: 'ajax',
        customHandler: ({ socketId, channelName }, callback) => {
          operator.fetch('/broadcasting/auth', json({ socket_id: socketId, channel_name: channelName }))
            .then(async response => response.ok ? callback(null, await response.json()) : callback(new Error(String(response.status)), null))
        },
      },
    })
    let joined = false
    socket.subscribe('presence-zone.1').bind('pusher:subscription_succeeded', () => { joined = true })
    await waitFor(() => joined, 5_000, 'presence subscription')
    const disabled = await admin.fetch(`/api/users/${operator.user.id}/disable`, { method: 'POST' })
    expect(await disabled.json()).toMatchObject({ disabled: true, connectionsClosed: 1 })
    await waitFor(() => socket.connection.state !== 'connected', 5_000, 'the socket to close')
    socket.disconnect()
    expect((await operator.fetch('/api/auth/me')).status).toBe(401)
    expect((await operator.fetch('/broadcasting/auth', json({ socket_id: '1.2', channel_name: 'private-zone.1' }))).status).toBe(401)
    await admin.fetch(`/api/users/${operator.user.id}/enable`, { method: 'POST' })
    expect((await (await login(server, demoEmail('operator', 'greenfield'))).fetch('/api/auth/me')).status).toBe(200)
  })
})

describe('limits and origins', () => {
  it('rate-limits the auth endpoint per user with 429 and Retry-After', async () => {
    const viewer = await login(server, demoEmail('viewer', 'northwind'))
    const statuses: number[] = []
    let retryAfter: string | null = null
    for (let i = 0; i < 35; i += 1) {
      const response = await viewer.fetch('/broadcasting/auth', json({ socket_id: '1.2', channel_name: `private-tenant.${viewer.user.tenantId}.alerts` }))
      statuses.push(response.status)
      retryAfter ??= response.headers.get('retry-after')
    }
    expect(statuses.slice(0, 30).every(status => status === 200)).toBe(true)
    expect(statuses.slice(30).every(status => status === 429)).toBe(true)
    expect(Number(retryAfter)).toBeGreaterThan(0)
  })

  it('allows only the server\'s own origin to open a socket when no origins are configured', async () => {
    const upgrade = (origin: string) => new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/app/${TEST_APP.key}?protocol=7`, { origin })
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
      ws.on('open', () => {
        ws.close()
        resolve(101)
      })
      ws.on('error', () => undefined)
    })
    expect(await upgrade('https://evil.example')).toBe(403)
    expect(await upgrade(`http://127.0.0.1:${server.port}`)).toBe(101)
  })
})

describe('production start-up', () => {
  it('refuses to start without SESSION_SECRET, naming it', async () => {
    await expect(startServer({ APP_ENV: 'production' })).rejects.toThrow(/SESSION_SECRET/)
  })
})
