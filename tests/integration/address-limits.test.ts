// Per-address limits against the built server: WebSocket connections per IP (LOOKOUT_MAX_CONNECTIONS_PER_IP)
// and the login limit, with X-Forwarded-For believed only behind a trusted proxy (LOOKOUT_TRUST_PROXY).
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { demoEmail } from '../support/http-session'
import { RawSocket } from '../support/raw-socket'
import { waitFor } from '../support/clients'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { closeSocket, upgrade } from '../support/upgrade'
import type { UpgradeResult } from '../support/upgrade'

let direct: ServerProcess
let proxied: ServerProcess

beforeAll(async () => {
  direct = await startServer({ LOOKOUT_MAX_CONNECTIONS_PER_IP: '3', LOGIN_ATTEMPTS_PER_MINUTE: '3' })
  proxied = await startServer({ LOOKOUT_MAX_CONNECTIONS_PER_IP: '1', LOGIN_ATTEMPTS_PER_MINUTE: '3', LOOKOUT_TRUST_PROXY: 'true' })
}, 60_000)
afterAll(async () => {
  await Promise.all([direct?.stop(), proxied?.stop()])
})

/** Opens `count` sockets that must all be accepted. */
async function openSockets(server: ServerProcess, count: number, headers: Record<string, string> = {}): Promise<WebSocket[]> {
  const sockets: WebSocket[] = []
  for (let i = 0; i < count; i += 1) {
    const result = await upgrade(server, TEST_APP.key, headers)
    expect(result.status, `socket ${i + 1} of ${count}`).toBe(101)
    sockets.push(result.ws!)
  }
  return sockets
}

/** Retries the upgrade until it is accepted: the server learns of a closed socket a moment after the client. */
async function upgradeOnceFree(server: ServerProcess, headers: Record<string, string> = {}): Promise<UpgradeResult> {
  const deadline = Date.now() + 5_000
  for (;;) {
    const result = await upgrade(server, TEST_APP.key, headers)
    if (result.status === 101) return result
    expect(result.status).toBe(429)
    if (Date.now() > deadline) throw new Error('the freed slot was never given back')
    await new Promise(done => setTimeout(done, 50))
  }
}

/** Sends an upgrade request the WebSocket library refuses after Lookout's own checks (unknown version); resolves when the server hangs up. */
function failedHandshake(server: ServerProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1')
    let answer = ''
    socket.on('data', (chunk) => { answer += chunk.toString() })
    socket.on('close', () => resolve(answer.split('\r\n')[0]!))
    socket.on('error', reject)
    socket.write(`GET /app/${TEST_APP.key}?protocol=7 HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
      + 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\n\r\n')
  })
}

async function healthy(server: ServerProcess): Promise<void> {
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
}

describe('WebSocket connections per address', () => {
  it('refuses the 4th socket from 127.0.0.1 with HTTP 429 before the handshake, and lets one in when another closes', async () => {
    const sockets = await openSockets(direct, 3)
    const refused = await upgrade(direct, TEST_APP.key)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers?.['retry-after'])).toBeGreaterThan(0)
    await closeSocket(sockets.shift()!)
    const again = await upgradeOnceFree(direct)
    // The socket let in is a working Pusher connection, and the limit holds again.
    await waitFor(() => again.frames.some(frame => frame.includes('pusher:connection_established')), 3_000, 'connection_established')
    expect((await upgrade(direct, TEST_APP.key)).status).toBe(429)
    await Promise.all([...sockets, again.ws!].map(closeSocket))
    await healthy(direct)
  })

  it('gives the slot back when a client drops without a closing handshake, or is closed by the server', async () => {
    const [first, second, third] = await openSockets(direct, 3)
    first!.terminate()
    const replacement = (await upgradeOnceFree(direct)).ws!
    // An unknown app key is answered with 4001 and closed by the server: that slot comes back too.
    await Promise.all([second, third].map(ws => closeSocket(ws!)))
    const wrongKey = await RawSocket.connect(direct, 'no-such-key')
    expect((await wrongKey.closedWith()).code).toBe(4001)
    const sockets = [replacement, (await upgradeOnceFree(direct)).ws!, (await upgradeOnceFree(direct)).ws!]
    expect((await upgrade(direct, TEST_APP.key)).status).toBe(429)
    await Promise.all(sockets.map(closeSocket))
  })

  it('does not leak slots on handshakes refused after the limit check', async () => {
    for (let i = 0; i < 10; i += 1) expect(await failedHandshake(direct)).toMatch(/^HTTP\/1\.1 400/)
    const sockets = [(await upgradeOnceFree(direct)).ws!, ...await openSockets(direct, 2)]
    await Promise.all(sockets.map(closeSocket))
  })

  it('ignores X-Forwarded-For from a client when no proxy is trusted', async () => {
    const sockets = await Promise.all([1, 2, 3].map(async i => (await openSockets(direct, 1, { 'x-forwarded-for': `198.51.100.${i}` }))[0]!))
    expect((await upgrade(direct, TEST_APP.key, { 'x-forwarded-for': '198.51.100.99' })).status).toBe(429)
    await Promise.all(sockets.map(closeSocket))
  })

  it('counts the last X-Forwarded-For hop behind a trusted proxy, whatever the client put before it', async () => {
    const [first] = await openSockets(proxied, 1, { 'x-forwarded-for': '198.51.100.1' })
    const [other] = await openSockets(proxied, 1, { 'x-forwarded-for': '198.51.100.2' })
    expect((await upgrade(proxied, TEST_APP.key, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(429)
    expect((await upgrade(proxied, TEST_APP.key, { 'x-forwarded-for': '203.0.113.5, 198.51.100.1' })).status).toBe(429)
    await Promise.all([first, other].map(ws => closeSocket(ws!)))
    await healthy(proxied)
  })
})

describe('login attempts per address', () => {
  const attempt = (server: ServerProcess, forwardedFor: string) => fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email: demoEmail('viewer', 'northwind'), password: 'not-the-password' }),
  }).then(response => response.status)

  it('cannot be escaped by sending a new X-Forwarded-For with each guess', async () => {
    const statuses: number[] = []
    for (let i = 1; i <= 5; i += 1) statuses.push(await attempt(direct, `203.0.113.${i}`))
    expect(statuses).toEqual([401, 401, 401, 429, 429])
  })

  it('are counted per forwarded address behind a trusted proxy', async () => {
    const statuses: number[] = []
    for (let i = 1; i <= 5; i += 1) statuses.push(await attempt(proxied, `203.0.113.${i}`))
    expect(statuses).toEqual([401, 401, 401, 401, 401])
    for (let i = 0; i < 3; i += 1) await attempt(proxied, '203.0.113.50')
    expect(await attempt(proxied, '203.0.113.50')).toBe(429)
  })
})
