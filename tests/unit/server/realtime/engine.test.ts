import { afterEach, describe, expect, it, vi } from 'vitest'
import type { RealtimeEngine } from '../../../../server/realtime/engine'
import { signChannelAuth, signUserAuth } from '../../../../server/realtime/signature'
import { brokersUnderTest, settled } from './brokers'
import type { TestClient } from './fake-transport'
import { APP, appState, connect, dataOf, FakeTransport, subscribe } from './fake-transport'

const BROKERS = brokersUnderTest()

afterEach(() => {
  vi.restoreAllMocks()
})

function subscribePrivate(client: TestClient, channel: string): void {
  subscribe(client, channel, { auth: signChannelAuth(APP.key, APP.secret, client.socketId, channel) })
}

function subscribePresence(client: TestClient, channel: string, userId: string, userInfo: unknown = { name: userId }): void {
  const channelData = JSON.stringify({ user_id: userId, user_info: userInfo })
  subscribe(client, channel, { auth: signChannelAuth(APP.key, APP.secret, client.socketId, channel, channelData), channel_data: channelData })
}

function publish(engine: RealtimeEngine, channels: string[], data: unknown, exceptSocketId?: string): void {
  engine.publish(appState(engine), { channels, event: 'update', data, exceptSocketId, source: 'api' })
}

function errorCodes(client: TestClient): unknown[] {
  return client.transport.framesOf('pusher:error').map(frame => dataOf(frame).code)
}

describe.each(BROKERS)('the protocol on the $name', ({ createEngine }) => {
  describe('opening a connection', () => {
    it('sends connection_established with the socket id and a positive activity_timeout, as a JSON string', async () => {
      const engine = await createEngine({ REVERB_APP_ACTIVITY_TIMEOUT: '45' })
      const client = connect(engine)
      const [frame] = client.transport.frames
      expect(frame!.event).toBe('pusher:connection_established')
      expect(frame!.data).toBeTypeOf('string')
      expect(dataOf(frame)).toEqual({ socket_id: client.socketId, activity_timeout: 45 })
      expect(client.socketId).toMatch(/^\d+\.\d+$/)
      expect(client.transport.closes).toEqual([])
    })

    it('gives each connection its own socket id', async () => {
      const engine = await createEngine()
      expect(connect(engine).socketId).not.toBe(connect(engine).socketId)
    })

    it.each([
      { what: 'an unknown app key', request: { appKey: 'nope' }, code: 4001, env: {} },
      { what: 'a missing protocol', request: { protocol: null }, code: 4008, env: {} },
      { what: 'an unsupported protocol', request: { protocol: '8' }, code: 4007, env: {} },
      { what: 'a disallowed origin', request: { origin: 'https://evil.test' }, code: 4009, env: { REVERB_ALLOWED_ORIGINS: 'app.example.com' } },
    ])('refuses $what with pusher:error $code and close $code', async ({ request, code, env }) => {
      const engine = await createEngine(env)
      const transport = new FakeTransport()
      expect(engine.open(transport, { appKey: APP.key, protocol: '7', origin: null, ...request })).toBeNull()
      expect(transport.frames).toHaveLength(1)
      expect(transport.frames[0]!.event).toBe('pusher:error')
      expect(dataOf(transport.frames[0])).toMatchObject({ code })
      expect(transport.closes.map(close => close.code)).toEqual([code])
    })

    it('accepts an allowed origin', async () => {
      const engine = await createEngine({ REVERB_ALLOWED_ORIGINS: 'app.example.com' })
      expect(connect(engine, { origin: 'https://app.example.com' }).transport.closes).toEqual([])
    })

    it('refuses connections beyond the quota with 4004, and accepts again once one has closed', async () => {
      const engine = await createEngine({ REVERB_APP_MAX_CONNECTIONS: '1' })
      const first = connect(engine)
      const transport = new FakeTransport()
      expect(engine.open(transport, { appKey: APP.key, protocol: '7', origin: null })).toBeNull()
      expect(dataOf(transport.frames[0])).toMatchObject({ code: 4004 })
      expect(transport.closes[0]!.code).toBe(4004)
      engine.closed(first.connection)
      expect(connect(engine).transport.closes).toEqual([])
    })
  })

  describe('incoming frames', () => {
    it('answers pusher:ping with pusher:pong', async () => {
      const client = connect(await createEngine())
      client.transport.clear()
      client.send({ event: 'pusher:ping', data: {} })
      expect(client.transport.frames).toEqual([{ event: 'pusher:pong', data: '{}' }])
    })

    it('answers malformed JSON with pusher:error and stays usable', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      engine.receive(client.connection, '{"event":', false)
      expect(client.transport.last!.event).toBe('pusher:error')
      expect(client.transport.closes).toEqual([])
      client.send({ event: 'pusher:ping' })
      expect(client.transport.last!.event).toBe('pusher:pong')
    })

    it('answers binary frames with pusher:error and stays usable', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      engine.receive(client.connection, Buffer.from('{"event":"pusher:ping"}'), true)
      expect(client.transport.last!.event).toBe('pusher:error')
      expect(client.transport.closes).toEqual([])
      engine.receive(client.connection, Buffer.from('{"event":"pusher:ping"}'), false)
      expect(client.transport.last!.event).toBe('pusher:pong')
    })

    it('answers an unknown event with pusher:error', async () => {
      const client = connect(await createEngine())
      client.send({ event: 'pusher:nonsense' })
      expect(client.transport.last!.event).toBe('pusher:error')
      expect(client.transport.closes).toEqual([])
    })

    it('accepts subscribe data sent as a JSON string', async () => {
      const client = connect(await createEngine())
      client.send({ event: 'pusher:subscribe', data: JSON.stringify({ channel: 'news' }) })
      expect(client.transport.last).toMatchObject({ event: 'pusher_internal:subscription_succeeded', channel: 'news' })
    })
  })

  describe('subscriptions', () => {
    it('confirms a public subscription with data "{}", as Reverb does, to a plain socket', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      publish(engine, ['news'], '{}')
      await settled(engine)
      subscribe(client, 'news')
      expect(client.transport.last).toEqual({ event: 'pusher_internal:subscription_succeeded', data: '{}', channel: 'news' })
    })

    it('confirms a public subscription with the channel epoch and offset under __lookout to a recovery socket', async () => {
      const engine = await createEngine()
      const client = connect(engine, { recovery: true })
      subscribe(client, 'news')
      const frame = client.transport.last!
      expect(frame).toMatchObject({ event: 'pusher_internal:subscription_succeeded', channel: 'news' })
      const { __lookout: meta } = dataOf<{ __lookout: { epoch: unknown, offset: unknown } }>(frame)
      expect(meta.epoch).toBeTypeOf('string')
      expect(meta.offset).toBe(0)
      publish(engine, ['news'], '{}')
      publish(engine, ['news'], '{}')
      await settled(engine)
      const late = connect(engine, { recovery: true })
      subscribe(late, 'news')
      expect(dataOf(late.transport.last)).toEqual({ __lookout: { epoch: meta.epoch, offset: 2 } })
    })

    it('answers an invalid channel name with pusher:error', async () => {
      const client = connect(await createEngine())
      subscribe(client, 'bad name')
      expect(client.transport.last!.event).toBe('pusher:error')
    })

    it('refuses a private subscription with a bad signature with status 401, without closing the socket', async () => {
      const client = connect(await createEngine())
      subscribe(client, 'private-orders', { auth: `${APP.key}:${'0'.repeat(64)}` })
      const frame = client.transport.last!
      expect(frame).toMatchObject({ event: 'pusher:subscription_error', channel: 'private-orders' })
      expect(dataOf(frame)).toMatchObject({ status: 401 })
      expect(client.transport.closes).toEqual([])
      expect(client.connection.channels.has('private-orders')).toBe(false)
    })

    it('refuses a private signature made for another socket', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      subscribe(client, 'private-orders', { auth: signChannelAuth(APP.key, APP.secret, connect(engine).socketId, 'private-orders') })
      expect(dataOf(client.transport.last)).toMatchObject({ status: 401 })
    })

    it('accepts a private subscription signed with signChannelAuth', async () => {
      const client = connect(await createEngine())
      subscribePrivate(client, 'private-orders')
      expect(client.transport.last).toMatchObject({ event: 'pusher_internal:subscription_succeeded', channel: 'private-orders' })
      expect(client.connection.channels.has('private-orders')).toBe(true)
    })

    it('enforces maxChannelsPerConnection with a subscription_error', async () => {
      const client = connect(await createEngine({ REVERB_APP_MAX_CHANNELS_PER_CONNECTION: '2' }))
      subscribe(client, 'a')
      subscribe(client, 'b')
      subscribe(client, 'c')
      expect(client.transport.last).toMatchObject({ event: 'pusher:subscription_error', channel: 'c' })
      expect(dataOf(client.transport.last)).toMatchObject({ status: 400 })
      expect([...client.connection.channels]).toEqual(['a', 'b'])
      client.send({ event: 'pusher:unsubscribe', data: { channel: 'a' } })
      subscribe(client, 'c')
      expect(client.transport.last).toMatchObject({ event: 'pusher_internal:subscription_succeeded', channel: 'c' })
    })

    it('forgets a channel once its last subscriber unsubscribes', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      subscribe(client, 'news')
      client.send({ event: 'pusher:unsubscribe', data: { channel: 'news' } })
      expect(appState(engine).channels.find('news')).toBeUndefined()
      client.transport.clear()
      publish(engine, ['news'], '{}')
      await settled(engine)
      expect(client.transport.frames).toEqual([])
    })

    // A presence subscription whose (correctly signed) channel_data has no user_id is refused after the
    // channel was created, and nothing releases it: an empty channel stays in the registry.
    it('leaves no channel behind when a presence subscription is refused for its channel_data', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      const channelData = JSON.stringify({ user_info: {} })
      subscribe(client, 'presence-room', { auth: signChannelAuth(APP.key, APP.secret, client.socketId, 'presence-room', channelData), channel_data: channelData })
      expect(client.transport.last).toMatchObject({ event: 'pusher:subscription_error' })
      expect(appState(engine).channels.find('presence-room')).toBeUndefined()
      expect(appState(engine).channels.size).toBe(0)
    })
  })

  describe('presence channels', () => {
    it('confirms a presence subscription with the members snapshot in Reverb\'s shape to a plain socket', async () => {
      const engine = await createEngine()
      const alice = connect(engine)
      const bob = connect(engine)
      subscribePresence(alice, 'presence-room', 'alice', { name: 'Alice' })
      await settled(engine)
      subscribePresence(bob, 'presence-room', 'bob', { name: 'Bob' })
      const frame = JSON.parse(String(bob.transport.raw.at(-1))) as { data: string }
      expect(frame.data).toBe('{"presence":{"count":2,"ids":["alice","bob"],"hash":{"alice":{"name":"Alice"},"bob":{"name":"Bob"}}}}')
    })

    it('adds the stream position to a recovery socket\'s presence confirmation', async () => {
      const engine = await createEngine()
      const carol = connect(engine, { recovery: true })
      subscribePresence(carol, 'presence-room', 'carol', { name: 'Carol' })
      const data = dataOf<{ presence: unknown, __lookout: unknown }>(carol.transport.last)
      expect(data.presence).toEqual({ count: 1, ids: ['carol'], hash: { carol: { name: 'Carol' } } })
      expect(data.__lookout).toMatchObject({ offset: 0 })
    })

    it('refuses a presence subscription without channel_data, and one with tampered channel_data', async () => {
      const client = connect(await createEngine())
      subscribe(client, 'presence-room', { auth: signChannelAuth(APP.key, APP.secret, client.socketId, 'presence-room') })
      expect(client.transport.last!.event).toBe('pusher:subscription_error')
      const signed = JSON.stringify({ user_id: 'alice' })
      subscribe(client, 'presence-room', { auth: signChannelAuth(APP.key, APP.secret, client.socketId, 'presence-room', signed), channel_data: JSON.stringify({ user_id: 'admin' }) })
      expect(dataOf(client.transport.last)).toMatchObject({ status: 401 })
    })

    it('announces a user with two sockets once, and their leave only after both sockets left', async () => {
      const engine = await createEngine()
      const observer = connect(engine)
      subscribePresence(observer, 'presence-room', 'observer')
      const tab1 = connect(engine)
      const tab2 = connect(engine)
      subscribePresence(tab1, 'presence-room', 'u1', { name: 'One' })
      await settled(engine)
      subscribePresence(tab2, 'presence-room', 'u1', { name: 'One' })
      await settled(engine)
      const added = observer.transport.framesOf('pusher_internal:member_added')
      expect(added).toHaveLength(1)
      expect(added[0]!.channel).toBe('presence-room')
      expect(dataOf(added[0])).toEqual({ user_id: 'u1', user_info: { name: 'One' } })
      expect(dataOf<{ presence: { count: number } }>(tab2.transport.last).presence.count).toBe(2)

      engine.closed(tab1.connection)
      await settled(engine)
      expect(observer.transport.framesOf('pusher_internal:member_removed')).toEqual([])
      engine.closed(tab2.connection)
      await settled(engine)
      const removed = observer.transport.framesOf('pusher_internal:member_removed')
      expect(removed).toHaveLength(1)
      expect(dataOf(removed[0])).toEqual({ user_id: 'u1' })
    })

    it('does not announce a member to itself', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      subscribePresence(client, 'presence-room', 'u1')
      await settled(engine)
      expect(client.transport.framesOf('pusher_internal:member_added')).toEqual([])
    })
  })

  describe('client events', () => {
    async function pair(env: Record<string, string> = {}, channel = 'private-chat') {
      const engine = await createEngine(env)
      const sender = connect(engine)
      const receiver = connect(engine)
      for (const client of [sender, receiver]) {
        if (channel.startsWith('presence-')) subscribePresence(client, channel, client === sender ? 'sender' : 'receiver')
        else subscribePrivate(client, channel)
        await settled(engine)
        client.transport.clear()
      }
      return { engine, sender, receiver }
    }

    it('delivers to other subscribers but does not echo to the sender', async () => {
      const { engine, sender, receiver } = await pair()
      sender.send({ event: 'client-typing', channel: 'private-chat', data: { on: true } })
      await settled(engine)
      expect(receiver.transport.frames).toHaveLength(1)
      expect(receiver.transport.frames[0]).toMatchObject({ event: 'client-typing', channel: 'private-chat' })
      expect(dataOf(receiver.transport.frames[0])).toEqual({ on: true })
      expect(receiver.transport.frames[0]!.user_id).toBeUndefined()
      expect(sender.transport.frames).toEqual([])
    })

    it('attaches the sender’s user_id on presence channels', async () => {
      const { engine, sender, receiver } = await pair({}, 'presence-chat')
      sender.send({ event: 'client-typing', channel: 'presence-chat', data: '{"on":true}' })
      await settled(engine)
      expect(receiver.transport.frames).toHaveLength(1)
      expect(receiver.transport.frames[0]).toMatchObject({ event: 'client-typing', channel: 'presence-chat', user_id: 'sender' })
    })

    it('refuses client events on a public channel', async () => {
      const engine = await createEngine()
      const sender = connect(engine)
      const receiver = connect(engine)
      subscribe(sender, 'news')
      subscribe(receiver, 'news')
      receiver.transport.clear()
      sender.send({ event: 'client-x', channel: 'news', data: {} })
      await settled(engine)
      expect(errorCodes(sender)).toEqual([4009])
      expect(receiver.transport.frames).toEqual([])
    })

    it('refuses client events on a channel the sender is not subscribed to', async () => {
      const { engine, receiver } = await pair()
      const outsider = connect(engine)
      outsider.send({ event: 'client-x', channel: 'private-chat', data: {} })
      await settled(engine)
      expect(errorCodes(outsider)).toEqual([4009])
      expect(receiver.transport.frames).toEqual([])
    })

    it('rate limits client events with 4301 beyond clientEventsPerSecond', async () => {
      vi.spyOn(Date, 'now').mockReturnValue(1_000_000)
      const { engine, sender, receiver } = await pair({ REVERB_APP_CLIENT_EVENTS_PER_SECOND: '3' })
      for (let i = 0; i < 5; i++) sender.send({ event: 'client-x', channel: 'private-chat', data: { i } })
      await settled(engine)
      expect(receiver.transport.frames.map(frame => dataOf(frame).i)).toEqual([0, 1, 2])
      expect(errorCodes(sender)).toEqual([4301, 4301])
      expect(sender.transport.closes).toEqual([])
    })

    it('refuses client event data over maxMessageSize', async () => {
      const { engine, sender, receiver } = await pair({ REVERB_APP_MAX_MESSAGE_SIZE: '100' })
      sender.send({ event: 'client-x', channel: 'private-chat', data: { text: 'x'.repeat(200) } })
      await settled(engine)
      expect(sender.transport.last!.event).toBe('pusher:error')
      expect(receiver.transport.frames).toEqual([])
    })
  })

  describe('publish', () => {
    it('delivers data to a plain socket byte for byte as published: objects, arrays, strings and numbers', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      subscribe(client, 'news')
      client.transport.clear()
      const payloads = ['{"hello":"world"}', '{ "spaced" : 1 }', '{}', '[1,{"a":2}]', '"text"', '42', 'not json', '{"__lookout":{"offset":99}}']
      for (const payload of payloads) publish(engine, ['news'], payload)
      publish(engine, ['news'], { title: 'b' })
      await settled(engine)
      expect(client.transport.framesOf('update').map(frame => frame.data)).toEqual([...payloads, '{"title":"b"}'])
    })

    it('serialises each variant of an event once, however many sockets get it', async () => {
      const engine = await createEngine()
      const [plainA, plainB] = [connect(engine), connect(engine)]
      const [recoveryA, recoveryB] = [connect(engine, { recovery: true }), connect(engine, { recovery: true })]
      for (const client of [plainA, plainB, recoveryA, recoveryB]) subscribe(client, 'news')
      publish(engine, ['news'], '{"n":1}')
      await settled(engine)
      expect(plainA.transport.raw.at(-1)).toBe(plainB.transport.raw.at(-1))
      expect(recoveryA.transport.raw.at(-1)).toBe(recoveryB.transport.raw.at(-1))
      expect(plainA.transport.last!.data).toBe('{"n":1}')
      expect(dataOf(recoveryA.transport.last)).toMatchObject({ n: 1, __lookout: { offset: 1 } })
    })

    it('delivers events with __lookout offsets 1 then 2 in the data string to a recovery socket', async () => {
      const engine = await createEngine()
      const client = connect(engine, { recovery: true })
      subscribe(client, 'news')
      client.transport.clear()
      publish(engine, ['news'], '{"title":"a"}')
      publish(engine, ['news'], { title: 'b' })
      await settled(engine)
      const frames = client.transport.frames
      expect(frames.map(frame => [frame.event, frame.channel, typeof frame.data])).toEqual([['update', 'news', 'string'], ['update', 'news', 'string']])
      const [first, second] = frames.map(frame => dataOf<{ title: string, __lookout: { offset: number, sent_at: number } }>(frame))
      expect([first!.title, first!.__lookout.offset, second!.title, second!.__lookout.offset]).toEqual(['a', 1, 'b', 2])
      expect(first!.__lookout.sent_at).toBeTypeOf('number')
    })

    it('numbers offsets per channel', async () => {
      const engine = await createEngine()
      const a = connect(engine, { recovery: true })
      const b = connect(engine, { recovery: true })
      subscribe(a, 'a')
      subscribe(b, 'b')
      publish(engine, ['a'], '{}')
      publish(engine, ['a', 'b'], '{}')
      await settled(engine)
      expect(a.transport.framesOf('update').map(frame => dataOf<{ __lookout: { offset: number } }>(frame).__lookout.offset)).toEqual([1, 2])
      expect(b.transport.framesOf('update').map(frame => dataOf<{ __lookout: { offset: number } }>(frame).__lookout.offset)).toEqual([1])
    })

    it('passes non-object data through untouched', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      subscribe(client, 'news')
      publish(engine, ['news'], 'plain text')
      await settled(engine)
      expect(client.transport.last!.data).toBe('plain text')
    })

    it('does not deliver to the socket named by exceptSocketId', async () => {
      const engine = await createEngine()
      const publisher = connect(engine)
      const other = connect(engine)
      subscribe(publisher, 'news')
      subscribe(other, 'news')
      publish(engine, ['news'], '{}', publisher.socketId)
      await settled(engine)
      expect(publisher.transport.framesOf('update')).toEqual([])
      expect(other.transport.framesOf('update')).toHaveLength(1)
    })

    it('serialises once: every subscriber is sent the same Buffer', async () => {
      const engine = await createEngine()
      const clients = [connect(engine), connect(engine), connect(engine)]
      for (const client of clients) {
        subscribe(client, 'news')
        client.transport.clear()
      }
      publish(engine, ['news'], '{"a":1}')
      await settled(engine)
      const sent = clients.map(client => client.transport.raw[0])
      expect(sent[0]).toBeInstanceOf(Buffer)
      expect(sent[1]).toBe(sent[0])
      expect(sent[2]).toBe(sent[0])
    })

    it('cuts off a subscriber whose send buffer is over LOOKOUT_MAX_BUFFERED_BYTES with 4100 (counted once); others still receive', async () => {
      const engine = await createEngine({ LOOKOUT_MAX_BUFFERED_BYTES: '1000' })
      const slow = connect(engine)
      const atLimit = connect(engine)
      const fast = connect(engine)
      for (const client of [slow, atLimit, fast]) subscribe(client, 'news')
      slow.transport.bufferedAmount = 1001
      atLimit.transport.bufferedAmount = 1000
      publish(engine, ['news'], '{}')
      await settled(engine)
      expect(slow.transport.closes.map(close => close.code)).toEqual([4100])
      expect(slow.transport.framesOf('update')).toEqual([])
      expect(atLimit.transport.framesOf('update')).toHaveLength(1)
      expect(fast.transport.framesOf('update')).toHaveLength(1)
      publish(engine, ['news'], '{}')
      await settled(engine)
      expect(fast.transport.framesOf('update')).toHaveLength(2)
      expect(slow.transport.closes).toHaveLength(1)
      const errors = await engine.metrics.errors.get()
      expect(errors.values.filter(value => value.labels.code === '4100').map(value => value.value)).toEqual([1])
    })
  })

  describe('cache channels', () => {
    it('sends pusher:cache_miss after subscribing to an empty cache channel', async () => {
      const client = connect(await createEngine())
      subscribe(client, 'cache-prices')
      expect(client.transport.frames.slice(-2).map(frame => frame.event)).toEqual(['pusher_internal:subscription_succeeded', 'pusher:cache_miss'])
      expect(client.transport.last!.channel).toBe('cache-prices')
    })

    it('replays the last event after the subscription confirmation', async () => {
      const engine = await createEngine()
      publish(engine, ['cache-prices'], '{"price":1}')
      publish(engine, ['cache-prices'], '{"price":2}')
      await settled(engine)
      const client = connect(engine)
      subscribe(client, 'cache-prices')
      const [confirmation, replay] = client.transport.frames.slice(-2)
      expect(confirmation!.event).toBe('pusher_internal:subscription_succeeded')
      expect(replay).toMatchObject({ event: 'update', channel: 'cache-prices' })
      expect(replay!.data).toBe('{"price":2}')
      expect(client.transport.framesOf('pusher:cache_miss')).toEqual([])
    })

    it('does not replay events of a non-cache channel', async () => {
      const engine = await createEngine()
      publish(engine, ['prices'], '{"price":1}')
      await settled(engine)
      const client = connect(engine)
      subscribe(client, 'prices')
      expect(client.transport.frames.map(frame => frame.event)).toEqual(['pusher:connection_established', 'pusher_internal:subscription_succeeded'])
    })
  })

  describe('signin', () => {
    it('answers a valid signin with pusher:signin_success', async () => {
      const client = connect(await createEngine())
      const userData = JSON.stringify({ id: '42', user_info: { name: 'Ada' } })
      client.send({ event: 'pusher:signin', data: { auth: signUserAuth(APP.key, APP.secret, client.socketId, userData), user_data: userData } })
      expect(client.transport.last!.event).toBe('pusher:signin_success')
      expect(dataOf(client.transport.last)).toEqual({ user_data: userData })
      expect(client.connection.user).toEqual({ id: '42', info: { name: 'Ada' } })
      expect(client.transport.closes).toEqual([])
    })

    it('answers an invalid signin with error 4009 and closes with 4009', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      const userData = JSON.stringify({ id: '42' })
      client.send({ event: 'pusher:signin', data: { auth: signUserAuth(APP.key, APP.secret, connect(engine).socketId, userData), user_data: userData } })
      expect(errorCodes(client)).toEqual([4009])
      expect(client.transport.closes.map(close => close.code)).toEqual([4009])
      expect(client.connection.user).toBeNull()
    })

    it('refuses signed user data without an id', async () => {
      const client = connect(await createEngine())
      const userData = JSON.stringify({ user_info: {} })
      client.send({ event: 'pusher:signin', data: { auth: signUserAuth(APP.key, APP.secret, client.socketId, userData), user_data: userData } })
      expect(client.transport.closes.map(close => close.code)).toEqual([4009])
    })
  })

  describe('user channels', () => {
    function signIn(client: TestClient, id: string): void {
      const userData = JSON.stringify({ id })
      client.send({ event: 'pusher:signin', data: { auth: signUserAuth(APP.key, APP.secret, client.socketId, userData), user_data: userData } })
    }

    it('lets a socket signed in as the user subscribe to its user channel and receive events', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      signIn(client, '42')
      subscribe(client, '#server-to-user-42')
      expect(client.transport.last).toMatchObject({ event: 'pusher_internal:subscription_succeeded', channel: '#server-to-user-42' })
      publish(engine, ['#server-to-user-42'], '{"hi":1}')
      await settled(engine)
      expect(dataOf(client.transport.last)).toMatchObject({ hi: 1 })
    })

    it('refuses the user channel to anonymous sockets and to other users, with 403', async () => {
      const engine = await createEngine()
      const anonymous = connect(engine)
      const other = connect(engine)
      signIn(other, '7')
      for (const client of [anonymous, other]) {
        subscribe(client, '#server-to-user-42')
        expect(client.transport.last).toMatchObject({ event: 'pusher:subscription_error', channel: '#server-to-user-42' })
        expect(dataOf(client.transport.last)).toMatchObject({ status: 403 })
        expect(client.transport.closes).toEqual([])
      }
    })
  })

  describe('terminateUser', () => {
    it('closes the sockets of that user only, signed in or present, with 4009', async () => {
      const engine = await createEngine()
      const signedIn = connect(engine)
      const present = connect(engine)
      const someoneElse = connect(engine)
      const userData = JSON.stringify({ id: 'u1' })
      signedIn.send({ event: 'pusher:signin', data: { auth: signUserAuth(APP.key, APP.secret, signedIn.socketId, userData), user_data: userData } })
      subscribePresence(present, 'presence-room', 'u1')
      subscribePresence(someoneElse, 'presence-room', 'u2')
      expect(engine.terminateUser(appState(engine), 'u1')).toBe(2)
      expect(signedIn.transport.closes.map(close => close.code)).toEqual([4009])
      expect(present.transport.closes.map(close => close.code)).toEqual([4009])
      expect(someoneElse.transport.closes).toEqual([])
    })
  })

  describe('socket bindings', () => {
    const viewer = { userId: 'u1', credential: 'session:a', role: 'viewer' }

    it('terminateUser closes a socket bound to the user by channel auth, though it never signed in', async () => {
      const engine = await createEngine()
      const bound = connect(engine)
      const other = connect(engine)
      subscribePrivate(bound, 'private-room')
      engine.bindSocket(appState(engine), bound.socketId, viewer)
      expect(engine.terminateUser(appState(engine), 'u1')).toBe(1)
      expect(bound.transport.closes.map(close => close.code)).toEqual([4009])
      expect(other.transport.closes).toEqual([])
    })

    it('revokeCredential closes the sockets bound through that credential only', async () => {
      const engine = await createEngine()
      const session = connect(engine)
      const token = connect(engine)
      engine.bindSocket(appState(engine), session.socketId, viewer)
      engine.bindSocket(appState(engine), token.socketId, { ...viewer, credential: 'token:9' })
      expect(engine.revokeCredential(appState(engine), 'token:9')).toBe(1)
      expect(token.transport.closes.map(close => close.code)).toEqual([4009])
      expect(session.transport.closes).toEqual([])
    })

    it('closes a socket whose binding was issued before its user was revoked, and keeps one issued after', async () => {
      const engine = await createEngine()
      const late = connect(engine)
      const fresh = connect(engine)
      const revokedAt = Date.now()
      engine.terminateUser(appState(engine), 'u1')
      engine.bindSocket(appState(engine), late.socketId, viewer, revokedAt - 50)
      engine.bindSocket(appState(engine), fresh.socketId, viewer, revokedAt + 60_000)
      expect(late.transport.closes.map(close => close.code)).toEqual([4009])
      expect(fresh.transport.closes).toEqual([])
    })
  })

  describe('shutdown', () => {
    it('closes every socket with 4200', async () => {
      const engine = await createEngine()
      const clients = [connect(engine), connect(engine)]
      engine.shutdown()
      for (const client of clients) expect(client.transport.closes.map(close => close.code)).toEqual([4200])
    })
  })

  describe('closed connections', () => {
    it('ignores frames from a closed socket and stops delivering to it', async () => {
      const engine = await createEngine()
      const client = connect(engine)
      subscribe(client, 'news')
      engine.closed(client.connection)
      client.transport.clear()
      client.send({ event: 'pusher:ping' })
      publish(engine, ['news'], '{}')
      await settled(engine)
      expect(client.transport.frames).toEqual([])
      expect(appState(engine).connections.size).toBe(0)
    })
  })
})
