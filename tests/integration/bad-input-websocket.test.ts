// Attacks on the WebSocket endpoint with a raw client: every bad frame gets the protocol's answer, and the server,
// the attacking socket where the protocol keeps it open, and everyone else on the server stay fine.
import type Pusher from 'pusher'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { serverSdk, waitFor } from '../support/clients'
import { metric } from '../support/cluster'
import { channelAuth } from '../support/pusher-signing'
import type { Frame } from '../support/raw-socket'
import { RawSocket } from '../support/raw-socket'
import { logMark, unhandledErrorsSince } from '../support/server-log'
import type { ServerProcess } from '../support/server-process'
import { startServer, TEST_APP } from '../support/server-process'

const MAX_MESSAGE_SIZE = 2_000
/** The server's frame limit for this message size: max(64 KiB, 2 × size + 4096), see server/routes/app/[key].ts. */
const MAX_FRAME_BYTES = 64 * 1024
const MAX_BUFFERED_BYTES = 256 * 1024

let server: ServerProcess
/** Where the server's log stood when the current test began. */
let logAtStart = 0
let sdk: Pusher
let bystander: RawSocket
let ticks = 0
const sockets: RawSocket[] = []

/** An open socket, closed after the file. */
async function open(): Promise<RawSocket> {
  const socket = await RawSocket.open(server, TEST_APP.key)
  sockets.push(socket)
  return socket
}

function dataOf(frame: Frame): Record<string, unknown> {
  return JSON.parse(frame.data as string) as Record<string, unknown>
}

/** The message of the next `pusher:error`, with its code. */
async function nextError(socket: RawSocket): Promise<{ code: number | null, message: string }> {
  return dataOf(await socket.next('pusher:error')) as { code: number | null, message: string }
}

/** Subscribes and resolves with the server's answer for that channel: succeeded or subscription_error. */
async function subscribe(socket: RawSocket, channel: string, extra: Record<string, unknown> = {}): Promise<Frame> {
  const from = socket.frames.length
  socket.send({ event: 'pusher:subscribe', data: { channel, ...extra } })
  const answer = () => socket.frames.slice(from).find(frame => frame.channel === channel
    && (frame.event === 'pusher_internal:subscription_succeeded' || frame.event === 'pusher:subscription_error'))
  await waitFor(() => answer() !== undefined, 5_000, `an answer to subscribing to ${channel}`)
  return answer()!
}

/** The socket still answers: a ping gets a pong. */
async function stillAnswers(socket: RawSocket): Promise<void> {
  socket.send({ event: 'pusher:ping', data: {} })
  expect((await socket.next('pusher:pong')).event).toBe('pusher:pong')
}

/** The server still works for everyone else: health is 200 and the bystander gets an event published now. */
async function serverStillFine(): Promise<void> {
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  ticks += 1
  await sdk.trigger('bystander', 'tick', { n: ticks })
  expect(dataOf(await bystander.next('tick'))).toMatchObject({ n: ticks })
  expect(unhandledErrorsSince(server, logAtStart)).toEqual([])
}

beforeAll(async () => {
  server = await startServer({ REVERB_APP_MAX_MESSAGE_SIZE: String(MAX_MESSAGE_SIZE), LOOKOUT_MAX_BUFFERED_BYTES: String(MAX_BUFFERED_BYTES) })
  sdk = serverSdk(server)
  bystander = await open()
  expect((await subscribe(bystander, 'bystander')).event).toBe('pusher_internal:subscription_succeeded')
})
beforeEach(() => {
  logAtStart = logMark(server)
})
afterAll(async () => {
  for (const socket of sockets) socket.close()
  await server.stop()
})

describe('frames that are not Pusher frames', () => {
  it('answers malformed JSON with pusher:error "Invalid JSON" and keeps the socket', async () => {
    const socket = await open()
    const junk = ['{', '{"event":"pusher:ping"', 'nul', '{\'event\':\'pusher:ping\'}', '', ' ', '\u0000', '{"event":"a",}', '{"event":"a"}}', '\uFEFF{"event":"pusher:ping"}']
    for (const text of junk) {
      socket.sendRaw(text)
      expect(await nextError(socket)).toEqual({ code: null, message: 'Invalid JSON' })
    }
    await stillAnswers(socket)
    await serverStillFine()
  })

  it.each([
    ['a number', '42', 'A frame must be a JSON object'],
    ['a string', '"pusher:ping"', 'A frame must be a JSON object'],
    ['null', 'null', 'A frame must be a JSON object'],
    ['a boolean', 'true', 'A frame must be a JSON object'],
    ['an array of frames', '[{"event":"pusher:ping"}]', 'A frame must be a JSON object'],
    ['an object without event', '{"data":{}}', 'Missing "event"'],
    ['an empty event', '{"event":""}', 'Missing "event"'],
    ['a numeric event', '{"event":5}', 'Missing "event"'],
    ['an object as event', '{"event":{"name":"pusher:ping"}}', 'Missing "event"'],
    ['a numeric channel', '{"event":"client-x","channel":7}', '"channel" must be a string'],
  ])('answers %s with pusher:error naming the problem and keeps the socket', async (_what, text, message) => {
    const socket = await open()
    socket.sendRaw(text)
    expect(await nextError(socket)).toEqual({ code: null, message })
    await stillAnswers(socket)
    await serverStillFine()
  })

  it('refuses a binary frame even when it holds a valid subscribe, and subscribes from the same text', async () => {
    const socket = await open()
    const subscribeFrame = JSON.stringify({ event: 'pusher:subscribe', data: { channel: 'binary-room' } })
    socket.sendRaw(Buffer.from(subscribeFrame), true)
    expect(await nextError(socket)).toEqual({ code: null, message: 'Binary frames are not supported' })
    socket.sendRaw(Buffer.from([0xFF, 0x00, 0xC3, 0x28]), true)
    expect((await nextError(socket)).message).toMatch(/Binary/)
    socket.sendRaw(subscribeFrame)
    expect((await socket.next('pusher_internal:subscription_succeeded')).channel).toBe('binary-room')
    expect(socket.frames.filter(frame => frame.event === 'pusher_internal:subscription_succeeded')).toHaveLength(1)
    await serverStillFine()
  })

  it('closes a socket that sends invalid UTF-8 in a text frame with 1007, and nobody else', async () => {
    const socket = await open()
    socket.sendRaw(Buffer.from([0x7B, 0xC3, 0x28, 0x7D]), false)
    expect((await socket.closedWith()).code).toBe(1007)
    await serverStillFine()
  })

  it('answers a client event over REVERB_APP_MAX_MESSAGE_SIZE in-band and does not deliver it', async () => {
    const [sender, receiver] = [await open(), await open()]
    for (const socket of [sender, receiver]) {
      expect((await subscribe(socket, 'private-big', { auth: channelAuth(socket.established.socket_id, 'private-big') })).event).toBe('pusher_internal:subscription_succeeded')
    }
    sender.send({ event: 'client-big', channel: 'private-big', data: { blob: 'x'.repeat(MAX_MESSAGE_SIZE) } })
    expect(await nextError(sender)).toEqual({ code: null, message: `Client event data is over ${MAX_MESSAGE_SIZE} bytes` })
    sender.send({ event: 'client-small', channel: 'private-big', data: { ok: true } })
    expect(dataOf(await receiver.next('client-small'))).toEqual({ ok: true })
    expect(receiver.frames.some(frame => frame.event === 'client-big')).toBe(false)
    await serverStillFine()
  })

  it(`reads a frame of exactly ${MAX_FRAME_BYTES} bytes and closes the socket with 1009 on one byte more`, async () => {
    const [fits, tooBig] = [await open(), await open()]
    fits.sendRaw(`{"event":"pusher:ping","data":"${'x'.repeat(MAX_FRAME_BYTES - 33)}"}`)
    expect((await fits.next('pusher:pong')).event).toBe('pusher:pong')
    tooBig.sendRaw(`{"event":"pusher:ping","data":"${'x'.repeat(MAX_FRAME_BYTES - 32)}"}`)
    expect((await tooBig.closedWith()).code).toBe(1009)
    expect(fits.isOpen).toBe(true)
    await serverStillFine()
  })

  it('answers a client event nested 10 000 levels deep with pusher:error, and the socket keeps working', async () => {
    // JSON.parse reads any depth but JSON.stringify overflows the stack: this used to throw out of the socket's
    // message handler, and the socket then never answered again.
    const [sender, receiver] = [await open(), await open()]
    for (const socket of [sender, receiver]) await subscribe(socket, 'private-deep', { auth: channelAuth(socket.established.socket_id, 'private-deep') })
    const depth = 10_000
    sender.sendRaw(`{"event":"client-deep","channel":"private-deep","data":${'['.repeat(depth)}${']'.repeat(depth)}}`)
    expect(await nextError(sender)).toEqual({ code: null, message: 'Client event data is nested too deeply' })
    sender.sendRaw(JSON.stringify({ event: 'client-deep', channel: 'private-deep', data: `${'['.repeat(depth)}${']'.repeat(depth)}` }))
    expect((await nextError(sender)).message).toMatch(/nested too deeply/)
    await stillAnswers(sender)
    sender.send({ event: 'client-shallow', channel: 'private-deep', data: { n: 1 } })
    expect(dataOf(await receiver.next('client-shallow'))).toEqual({ n: 1 })
    expect(receiver.frames.some(frame => frame.event === 'client-deep')).toBe(false)
    await serverStillFine()
  })
})

describe('events and channels the server does not know', () => {
  it('answers unknown and server-only events with pusher:error and relays none of them', async () => {
    const [attacker, peer] = [await open(), await open()]
    await subscribe(attacker, 'spoof-room')
    await subscribe(peer, 'spoof-room')
    const spoofs = ['pusher:foo', 'pusher_internal:member_added', 'pusher_internal:subscription_succeeded', 'pusher:connection_established', 'pusher:error', 'my-event', `x${'y'.repeat(10_000)}`]
    for (const event of spoofs) {
      attacker.send({ event, channel: 'spoof-room', data: { user_id: 'admin' } })
      const error = await nextError(attacker)
      expect(error.code).toBeNull()
      expect(error.message).toBe(`Unknown event "${event.slice(0, 64)}"`)
    }
    await stillAnswers(peer)
    expect(peer.frames.filter(frame => frame.channel === 'spoof-room').map(frame => frame.event)).toEqual(['pusher_internal:subscription_succeeded'])
    await serverStillFine()
  })

  it.each([
    ['165 characters', 'a'.repeat(165)],
    ['a space', 'with space'],
    ['a slash', 'a/b'],
    ['a star', 'a*'],
    ['a colon', 'private-a:b'],
    ['a non-ASCII letter', 'zoné'],
    ['a newline', 'a\nb'],
    ['a NUL', 'a\u0000b'],
    ['a hash that is not a user channel', '#admin'],
    ['a user channel without a user', '#server-to-user-'],
    ['an empty name', ''],
    ['a number', 42],
    ['null', null],
    ['an object', { name: 'a' }],
  ])('answers a channel name with %s with "Invalid channel name" and subscribes nothing', async (_what, channel) => {
    const socket = await open()
    const before = await metric(server, 'lookout_ws_subscriptions')
    socket.send({ event: 'pusher:subscribe', data: { channel } })
    expect(await nextError(socket)).toEqual({ code: null, message: 'Invalid channel name' })
    expect(await metric(server, 'lookout_ws_subscriptions')).toBe(before)
    expect((await subscribe(socket, 'a'.repeat(164))).event).toBe('pusher_internal:subscription_succeeded')
    await serverStillFine()
  })

  it('answers subscribe frames without usable data with "Invalid channel name"', async () => {
    const socket = await open()
    for (const text of ['{"event":"pusher:subscribe"}', '{"event":"pusher:subscribe","data":"not json"}', '{"event":"pusher:subscribe","data":[]}', '{"event":"pusher:subscribe","data":null}']) {
      socket.sendRaw(text)
      expect((await nextError(socket)).message).toBe('Invalid channel name')
    }
    await stillAnswers(socket)
  })
})

describe('floods', () => {
  it('confirms 300 subscribes sent in one burst, each once and in order', async () => {
    const socket = await open()
    const names = Array.from({ length: 300 }, (_, i) => `burst-${i}`)
    for (const channel of names) socket.send({ event: 'pusher:subscribe', data: { channel } })
    await waitFor(() => socket.frames.filter(frame => frame.event === 'pusher_internal:subscription_succeeded').length >= 300, 15_000, '300 confirmations')
    expect(socket.frames.filter(frame => frame.event === 'pusher_internal:subscription_succeeded').map(frame => frame.channel)).toEqual(names)
    await sdk.trigger('burst-299', 'last', { ok: true })
    expect(dataOf(await socket.next('last'))).toMatchObject({ ok: true })
    await serverStillFine()
  })

  it('holds at most REVERB_APP_MAX_CHANNELS_PER_CONNECTION (500) of 2000 channels and refuses the rest with LimitReached', async () => {
    const before = await metric(server, 'lookout_ws_subscriptions') ?? 0
    const socket = await open()
    for (let i = 0; i < 2_000; i += 1) socket.send({ event: 'pusher:subscribe', data: { channel: `many-${i}` } })
    const answered = () => socket.frames.filter(frame => frame.event === 'pusher_internal:subscription_succeeded' || frame.event === 'pusher:subscription_error')
    await waitFor(() => answered().length >= 2_000, 30_000, '2000 answers')
    const succeeded = answered().filter(frame => frame.event === 'pusher_internal:subscription_succeeded')
    const refused = answered().filter(frame => frame.event === 'pusher:subscription_error')
    expect(succeeded.map(frame => frame.channel)).toEqual(Array.from({ length: 500 }, (_, i) => `many-${i}`))
    expect(refused).toHaveLength(1_500)
    expect(dataOf(refused[0]!)).toEqual({ type: 'LimitReached', error: 'At most 500 channels per connection', status: 400 })
    expect(await metric(server, 'lookout_ws_subscriptions')).toBe(before + 500)
    socket.send({ event: 'pusher:unsubscribe', data: { channel: 'many-0' } })
    expect((await subscribe(socket, 'one-more')).event).toBe('pusher_internal:subscription_succeeded')
    socket.close()
    await waitFor(() => !socket.isOpen, 5_000, 'the close')
    await expect.poll(() => metric(server, 'lookout_ws_subscriptions'), { timeout: 5_000 }).toBe(before)
    await serverStillFine()
  })

  it('answers a burst of 200 client events beyond the rate with 4301 in-band and delivers exactly the others', async () => {
    const [sender, receiver] = [await open(), await open()]
    for (const socket of [sender, receiver]) await subscribe(socket, 'private-flood', { auth: channelAuth(socket.established.socket_id, 'private-flood') })
    for (let n = 0; n < 200; n += 1) sender.send({ event: 'client-flood', channel: 'private-flood', data: { n } })
    const limited = () => sender.frames.filter(frame => frame.event === 'pusher:error' && dataOf(frame).code === 4301)
    const delivered = () => receiver.frames.filter(frame => frame.event === 'client-flood')
    await waitFor(() => limited().length + delivered().length === 200, 10_000, 'every client event accounted for')
    expect(limited().length).toBeGreaterThan(0)
    expect(delivered().length).toBeGreaterThanOrEqual(10)
    expect(dataOf(limited()[0]!)).toEqual({ code: 4301, message: 'Client event rate limit exceeded' })
    const numbers = delivered().map(frame => dataOf(frame).n as number)
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
    expect(sender.isOpen).toBe(true)
    // Once the bucket refills, the sender's events flow again.
    await waitFor(() => {
      sender.send({ event: 'client-later', channel: 'private-flood', data: {} })
      return receiver.frames.some(frame => frame.event === 'client-later')
    }, 10_000, 'a later client event to be delivered')
    await serverStillFine()
  })

  it('cuts off with 4100 a socket that floods junk without reading the answers', async () => {
    // Every junk frame is answered with a pusher:error about ten times its size; those answers count
    // against LOOKOUT_MAX_BUFFERED_BYTES like broadcasts do, or a client that never reads grows the server's memory.
    const cutOffsBefore = await metric(server, 'lookout_ws_errors_total{code="4100"}') ?? 0
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/app/${TEST_APP.key}?protocol=7`)
    let closeCode = 0
    let errorsRead = 0
    ws.on('message', (data: Buffer) => { if (data.includes('pusher:error')) errorsRead += 1 })
    ws.on('close', (code) => { closeCode = code })
    await new Promise(done => ws.once('open', done))
    const socket = (ws as unknown as { _socket: { pause: () => void, resume: () => void } })._socket
    socket.pause()
    let sent = 0
    const cutOff = async () => (await metric(server, 'lookout_ws_errors_total{code="4100"}') ?? 0) > cutOffsBefore
    // Rounds of junk until the server reports the cut-off (the kernel's socket buffers absorb the first megabytes).
    for (let round = 0; round < 100 && !await cutOff(); round += 1) {
      for (let i = 0; i < 10_000; i += 1) ws.send('x')
      sent += 10_000
      await waitFor(() => ws.bufferedAmount === 0, 30_000, 'the junk to be written')
    }
    expect(await cutOff()).toBe(true)
    socket.resume()
    await waitFor(() => closeCode !== 0, 30_000, 'the close frame')
    expect(closeCode).toBe(4100)
    expect(errorsRead).toBeLessThan(sent)
    await serverStillFine()
  }, 120_000)
})

describe('forged, borrowed and replayed signatures', () => {
  it('refuses a private subscription signed for another socket id with 401, and accepts it on that socket', async () => {
    const [thief, owner] = [await open(), await open()]
    const auth = channelAuth(owner.established.socket_id, 'private-vault')
    const refused = await subscribe(thief, 'private-vault', { auth })
    expect(refused.event).toBe('pusher:subscription_error')
    expect(dataOf(refused)).toEqual({ type: 'AuthError', error: 'Invalid signature', status: 401 })
    expect((await subscribe(owner, 'private-vault', { auth })).event).toBe('pusher_internal:subscription_succeeded')
    await stillAnswers(thief)
    await serverStillFine()
  })

  it('refuses a signature made for another channel, with another secret, or of the wrong type', async () => {
    const socket = await open()
    const id = socket.established.socket_id
    for (const auth of [channelAuth(id, 'private-other'), channelAuth(id, 'private-target', undefined, 'not-the-secret'), `other-key:${channelAuth(id, 'private-target').split(':')[1]}`, 42, { auth: 'x' }, null, '']) {
      const refused = await subscribe(socket, 'private-target', { auth })
      expect(refused.event).toBe('pusher:subscription_error')
      expect(dataOf(refused).status).toBe(401)
    }
    expect(socket.frames.some(frame => frame.event === 'pusher_internal:subscription_succeeded')).toBe(false)
    await serverStillFine()
  })

  it('refuses a replayed signature on a new socket, while the same socket may subscribe again with it', async () => {
    const first = await open()
    const auth = channelAuth(first.established.socket_id, 'private-replay')
    expect((await subscribe(first, 'private-replay', { auth })).event).toBe('pusher_internal:subscription_succeeded')
    first.send({ event: 'pusher:unsubscribe', data: { channel: 'private-replay' } })
    expect((await subscribe(first, 'private-replay', { auth })).event).toBe('pusher_internal:subscription_succeeded')
    first.close()
    const replayer = await open()
    const refused = await subscribe(replayer, 'private-replay', { auth })
    expect(refused.event).toBe('pusher:subscription_error')
    expect(dataOf(refused).status).toBe(401)
    await serverStillFine()
  })

  it('refuses presence channel_data that is not what was signed, and announces no member', async () => {
    const observer = await open()
    const observerData = JSON.stringify({ user_id: 'observer' })
    await subscribe(observer, 'presence-room', { auth: channelAuth(observer.established.socket_id, 'presence-room', observerData), channel_data: observerData })
    const socket = await open()
    const id = socket.established.socket_id
    const signed = JSON.stringify({ user_id: 'alice', user_info: { role: 'viewer' } })
    const auth = channelAuth(id, 'presence-room', signed)
    const attempts: Array<[unknown, number]> = [
      [JSON.stringify({ user_id: 'mallory', user_info: { role: 'viewer' } }), 401],
      [JSON.stringify({ user_id: 'alice', user_info: { role: 'admin' } }), 401],
      [`${signed} `, 401],
      [JSON.parse(signed), 400],
      [undefined, 400],
    ]
    for (const [channelData, status] of attempts) {
      const refused = await subscribe(socket, 'presence-room', { auth, channel_data: channelData })
      expect(refused.event).toBe('pusher:subscription_error')
      expect(dataOf(refused).status).toBe(status)
    }
    for (const data of ['not json', '{"user_info":{}}', '{"user_id":""}', '{"user_id":null}', 'null', '[]']) {
      const refused = await subscribe(socket, 'presence-room', { auth: channelAuth(id, 'presence-room', data), channel_data: data })
      expect(dataOf(refused)).toEqual({ type: 'AuthError', error: 'channel_data must be JSON with a user_id', status: 400 })
    }
    await stillAnswers(observer)
    expect(observer.frames.some(frame => frame.event === 'pusher_internal:member_added')).toBe(false)
    const users = await (await sdk.get({ path: '/channels/presence-room/users' })).json()
    expect(users).toEqual({ users: [{ id: 'observer' }] })
    await serverStillFine()
  })

  it('closes with 4009 a socket that signs in with a signature made for another socket', async () => {
    const [socket, other] = [await open(), await open()]
    const { auth, user_data: userData } = sdk.authenticateUser(other.established.socket_id, { id: 'admin' })
    socket.send({ event: 'pusher:signin', data: { auth, user_data: userData } })
    expect(await nextError(socket)).toEqual({ code: 4009, message: 'Invalid signin' })
    expect((await socket.closedWith()).code).toBe(4009)
    await stillAnswers(other)
    await serverStillFine()
  })
})

describe('protocol versions', () => {
  async function closeCodeFor(query: string): Promise<{ code: number, error: unknown }> {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/app/${TEST_APP.key}${query}`)
    const frames: string[] = []
    ws.on('message', (data: Buffer) => frames.push(data.toString()))
    const code = await new Promise<number>((resolve, reject) => {
      ws.once('close', resolve)
      ws.once('error', reject)
    })
    return { code, error: frames[0] ? dataOf(JSON.parse(frames[0]) as Frame) : null }
  }

  it.each([
    ['no query at all', ''],
    ['an empty protocol', '?protocol='],
    ['only other parameters', '?client=js&version=8.4.0'],
  ])('closes with 4008 and says so when the URL has %s', async (_what, query) => {
    const { code, error } = await closeCodeFor(query)
    expect(code).toBe(4008)
    expect(error).toEqual({ code: 4008, message: 'No protocol version supplied' })
  })

  const unsupported = ['4', '8', '99', '0', '-7', '7.0', '7 ', 'abc', 'x'.repeat(2_000)]
    .map(protocol => ({ protocol, label: protocol.length > 8 ? `of ${protocol.length} characters` : JSON.stringify(protocol) }))
  it.each(unsupported)('closes with 4007 for the unsupported protocol $label', async ({ protocol }) => {
    const { code, error } = await closeCodeFor(`?protocol=${encodeURIComponent(protocol)}`)
    expect(code).toBe(4007)
    expect(error).toMatchObject({ code: 4007, message: `Unsupported protocol version ${protocol.slice(0, 8)}` })
  })

  it('leaves no connection behind from refused handshakes, and still serves protocols 5 to 7', async () => {
    for (const protocol of ['5', '6', '7']) {
      const socket = await RawSocket.open(server, TEST_APP.key, protocol)
      await stillAnswers(socket)
      socket.close()
    }
    const openSockets = sockets.filter(socket => socket.isOpen).length
    await expect.poll(async () => (await (await fetch(`${server.url}/api/health`)).json() as { realtime: { connections: number } }).realtime.connections, { timeout: 5_000 }).toBe(openSockets)
    expect(await metric(server, 'lookout_ws_connections')).toBe(openSockets)
    await serverStillFine()
  })
})
