// The WebSocket endpoint speaks Pusher protocol 7 to a raw client, and survives bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { RawSocket } from '../support/raw-socket'

let server: ServerProcess

beforeAll(async () => {
  server = await startServer({ REVERB_APP_MAX_MESSAGE_SIZE: '2000', REVERB_ALLOWED_ORIGINS: 'dashboard.example.com' })
})
afterAll(() => server.stop())

describe('WebSocket protocol', () => {
  it('establishes a connection with a socket id and a positive activity timeout', async () => {
    const socket = await RawSocket.open(server, TEST_APP.key)
    const established = socket.established
    expect(established.socket_id).toMatch(/^\d+\.\d+$/)
    expect(established.activity_timeout).toBeGreaterThan(0)
    socket.close()
  })

  it('closes with 4001 when the app key is unknown', async () => {
    const socket = await RawSocket.connect(server, 'no-such-key')
    const closed = await socket.closedWith()
    expect(closed.code).toBe(4001)
    expect(socket.frames[0]).toMatchObject({ event: 'pusher:error' })
    expect(JSON.parse(socket.frames[0]!.data as string)).toMatchObject({ code: 4001 })
  })

  it('closes with 4008 when no protocol version is given', async () => {
    const socket = await RawSocket.connect(server, TEST_APP.key, '')
    expect((await socket.closedWith()).code).toBe(4008)
  })

  it('answers a client ping with a pong', async () => {
    const socket = await RawSocket.open(server, TEST_APP.key)
    socket.send({ event: 'pusher:ping', data: {} })
    expect((await socket.next('pusher:pong')).event).toBe('pusher:pong')
    socket.close()
  })

  it('answers malformed frames with pusher:error and keeps the socket usable', async () => {
    const socket = await RawSocket.open(server, TEST_APP.key)
    for (const junk of ['not json', '[]', '{"event":5}', '{"nope":true}', '{"event":"pusher:unknown"}']) {
      socket.sendRaw(junk)
      expect((await socket.next('pusher:error')).event).toBe('pusher:error')
    }
    socket.sendRaw(Buffer.from([1, 2, 3]), true)
    expect(JSON.parse((await socket.next('pusher:error')).data as string).message).toMatch(/Binary/)
    socket.send({ event: 'pusher:subscribe', data: { channel: 'still-works' } })
    expect((await socket.next('pusher_internal:subscription_succeeded')).channel).toBe('still-works')
    socket.close()
  })

  it('accepts subscribe data sent as a JSON string, as non-pusher-js clients do', async () => {
    const socket = await RawSocket.open(server, TEST_APP.key)
    socket.send({ event: 'pusher:subscribe', data: JSON.stringify({ channel: 'string-data' }) })
    expect((await socket.next('pusher_internal:subscription_succeeded')).channel).toBe('string-data')
    socket.close()
  })

  it('answers an invalid channel name with an error, not a closed socket', async () => {
    const socket = await RawSocket.open(server, TEST_APP.key)
    socket.send({ event: 'pusher:subscribe', data: { channel: 'bad channel name!' } })
    expect(JSON.parse((await socket.next('pusher:error')).data as string).message).toMatch(/channel name/)
    expect(socket.isOpen).toBe(true)
    socket.close()
  })

  it('refuses a private subscription with pusher:subscription_error and status 401', async () => {
    const socket = await RawSocket.open(server, TEST_APP.key)
    socket.send({ event: 'pusher:subscribe', data: { channel: 'private-x', auth: `${TEST_APP.key}:deadbeef` } })
    const refused = await socket.next('pusher:subscription_error')
    expect(refused.channel).toBe('private-x')
    expect(JSON.parse(refused.data as string)).toMatchObject({ status: 401 })
    expect(socket.isOpen).toBe(true)
    socket.close()
  })

  it('closes a socket that sends a frame larger than the limit', async () => {
    const socket = await RawSocket.open(server, TEST_APP.key)
    socket.sendRaw(JSON.stringify({ event: 'client-big', channel: 'private-x', data: 'x'.repeat(200_000) }))
    expect((await socket.closedWith()).code).toBe(1009)
  })

  it('refuses the upgrade from an origin that is not allowed, and accepts an allowed one', async () => {
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/app/${TEST_APP.key}?protocol=7`, { origin: 'https://evil.example.net' })
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
      ws.on('open', () => resolve(101))
      ws.on('error', () => undefined)
    })
    expect(refused).toBe(403)
    const allowed = await RawSocket.open(server, TEST_APP.key, '7', 'https://dashboard.example.com')
    expect(allowed.established.socket_id).toBeTruthy()
    allowed.close()
  })

  it('keeps serving other clients after a burst of random frames', async () => {
    const socket = await RawSocket.open(server, TEST_APP.key)
    let seed = 42
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let i = 0; i < 300; i += 1) {
      const length = Math.floor(random() * 200)
      socket.sendRaw(Array.from({ length }, () => String.fromCharCode(32 + Math.floor(random() * 95))).join(''))
    }
    const other = await RawSocket.open(server, TEST_APP.key)
    other.send({ event: 'pusher:ping', data: {} })
    expect((await other.next('pusher:pong')).event).toBe('pusher:pong')
    socket.close()
    other.close()
  })
})

describe('liveness', () => {
  let quick: ServerProcess
  beforeAll(async () => {
    quick = await startServer({ REVERB_APP_ACTIVITY_TIMEOUT: '1', REVERB_APP_PONG_TIMEOUT: '1' })
  })
  afterAll(() => quick.stop())

  it('pings a silent socket and closes it with 4201 when no pong comes', async () => {
    const socket = await RawSocket.open(quick, TEST_APP.key, '7', undefined, { autoPong: false })
    expect((await socket.next('pusher:ping', 5_000)).event).toBe('pusher:ping')
    expect((await socket.closedWith(6_000)).code).toBe(4201)
  })

  it('keeps a socket that answers pings', async () => {
    const socket = await RawSocket.open(quick, TEST_APP.key)
    await socket.next('pusher:ping', 5_000)
    await socket.next('pusher:ping', 5_000)
    expect(socket.isOpen).toBe(true)
    socket.close()
  })
})

describe('graceful shutdown', () => {
  it('tells connected clients to reconnect (4200) when the server is stopped with SIGTERM', async () => {
    const stopping = await startServer()
    const socket = await RawSocket.open(stopping, TEST_APP.key)
    const stopped = stopping.stop()
    expect(await socket.closedWith(8_000)).toEqual({ code: 4200, reason: 'Server restarting' })
    await stopped
  // It starts a server of its own (startServer allows 60 s on a loaded machine), so the default 20 s is too short.
  }, 120_000)
})
