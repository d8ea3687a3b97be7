import { describe, expect, it } from 'vitest'
import type { ApiRequest } from '../../../../../server/realtime/http-api/api-request'
import { triggerBatch, triggerEvent } from '../../../../../server/realtime/http-api/trigger-events'
import { APP, appState, connect, createEngine, dataOf, subscribe } from '../fake-transport'
import type { TestClient } from '../fake-transport'
import { signChannelAuth } from '../../../../../server/realtime/signature'

function post(path: string, body: unknown): ApiRequest {
  return { method: 'POST', path, query: new URLSearchParams(), body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) }
}

/** An engine with one subscriber on each given channel. */
function setup(channels: string[], env: Record<string, string> = {}) {
  const engine = createEngine(env)
  const state = appState(engine)
  const client = connect(engine)
  for (const channel of channels) subscribe(client, channel)
  client.transport.clear()
  const trigger = (body: unknown) => triggerEvent(engine, state, post('/apps/app/events', body))
  const batch = (body: unknown) => triggerBatch(engine, state, post('/apps/app/batch_events', body))
  return { engine, state, client, trigger, batch }
}

const received = (client: TestClient) => client.transport.frames.map(frame => [frame.event, frame.channel])

describe('triggerEvent', () => {
  it('publishes to every channel and answers {}', async () => {
    const { client, trigger } = setup(['a', 'b'])
    expect(await trigger({ name: 'update', channels: ['a', 'b'], data: '{"x":1}' })).toEqual({ status: 200, body: {} })
    expect(received(client)).toEqual([['update', 'a'], ['update', 'b']])
    expect(client.transport.frames[0]!.data).toBe('{"x":1}')
  })

  it('accepts a single `channel` and non-string data', async () => {
    const { client, trigger } = setup(['a'])
    expect((await trigger({ name: 'update', channel: 'a', data: { x: 2 } })).status).toBe(200)
    expect(dataOf(client.transport.last)).toMatchObject({ x: 2 })
  })

  it('excludes the socket named by socket_id', async () => {
    const { client, trigger } = setup(['a'])
    expect((await trigger({ name: 'update', channel: 'a', data: '{}', socket_id: client.socketId })).status).toBe(200)
    expect(client.transport.frames).toEqual([])
  })

  it.each([
    { what: 'a body that is not JSON', body: '{nope', field: 'JSON' },
    { what: 'a missing name', body: { channel: 'a', data: '{}' }, field: 'name' },
    { what: 'an empty name', body: { name: '', channel: 'a', data: '{}' }, field: 'name' },
    { what: 'missing data', body: { name: 'e', channel: 'a' }, field: 'data' },
    { what: 'no channel at all', body: { name: 'e', data: '{}' }, field: 'channels' },
    { what: 'an empty channel list', body: { name: 'e', channels: [], data: '{}' }, field: 'channels' },
    { what: 'a bad channel name', body: { name: 'e', channels: ['a', 'bad name'], data: '{}' }, field: 'channels.1' },
    { what: 'a bad single channel name', body: { name: 'e', channel: 'x'.repeat(165), data: '{}' }, field: 'channel' },
    { what: 'a bad socket_id', body: { name: 'e', channel: 'a', data: '{}', socket_id: 'abc' }, field: 'socket_id' },
    { what: 'an unknown info attribute', body: { name: 'e', channel: 'a', data: '{}', info: 'colour' }, field: 'info' },
  ])('answers 400 naming the field for $what', async ({ body, field }) => {
    const { client, trigger } = setup(['a'])
    const result = await trigger(body)
    expect(result.status).toBe(400)
    expect(result.body).toEqual(expect.stringContaining(field))
    expect(client.transport.frames).toEqual([])
  })

  it('answers 413 for data over maxMessageSize, and accepts data exactly at the limit', async () => {
    const { client, trigger } = setup(['a'], { REVERB_APP_MAX_MESSAGE_SIZE: '100' })
    const over = await trigger({ name: 'e', channel: 'a', data: 'x'.repeat(101) })
    expect(over.status).toBe(413)
    expect(over.body).toEqual(expect.stringContaining('data'))
    expect(client.transport.frames).toEqual([])
    expect((await trigger({ name: 'e', channel: 'a', data: 'x'.repeat(100) })).status).toBe(200)
  })

  it('counts non-string data by its JSON size', async () => {
    const { trigger } = setup(['a'], { REVERB_APP_MAX_MESSAGE_SIZE: '100' })
    expect((await trigger({ name: 'e', channel: 'a', data: { text: 'x'.repeat(100) } })).status).toBe(413)
  })

  it('answers 413 for too many channels', async () => {
    const { client, trigger } = setup(['c0'], { LOOKOUT_MAX_CHANNELS_PER_EVENT: '3' })
    const result = await trigger({ name: 'e', channels: ['c0', 'c1', 'c2', 'c3'], data: '{}' })
    expect(result.status).toBe(413)
    expect(result.body).toEqual(expect.stringContaining('channels'))
    expect(client.transport.frames).toEqual([])
    expect((await trigger({ name: 'e', channels: ['c0', 'c1', 'c2'], data: '{}' })).status).toBe(200)
  })

  it('answers 400 for info=user_count on a non-presence channel', async () => {
    const { client, trigger } = setup(['a'])
    const result = await trigger({ name: 'e', channel: 'a', data: '{}', info: 'user_count' })
    expect(result.status).toBe(400)
    expect(result.body).toEqual(expect.stringContaining('user_count'))
    expect(client.transport.frames).toEqual([])
  })

  it('answers with the requested channel attributes', async () => {
    const { engine, client, trigger } = setup(['a'])
    const member = connect(engine)
    const channelData = JSON.stringify({ user_id: 'u1' })
    subscribe(member, 'presence-room', { auth: signChannelAuth(APP.key, APP.secret, member.socketId, 'presence-room', channelData), channel_data: channelData })
    subscribe(client, 'presence-room', { auth: signChannelAuth(APP.key, APP.secret, client.socketId, 'presence-room', channelData), channel_data: channelData })
    const result = await trigger({ name: 'e', channels: ['presence-room', 'presence-empty'], data: '{}', info: 'user_count,subscription_count' })
    expect(result).toEqual({
      status: 200,
      body: { channels: { 'presence-room': { user_count: 1, subscription_count: 2 }, 'presence-empty': { user_count: 0, subscription_count: 0 } } },
    })
  })
})

describe('triggerBatch', () => {
  const event = (channel: string, extra: Record<string, unknown> = {}) => ({ name: 'update', channel, data: '{}', ...extra })

  it('publishes every event in order', async () => {
    const { client, batch } = setup(['a', 'b'])
    const result = await batch({ batch: [event('a'), event('b'), event('a')] })
    expect(result).toEqual({ status: 200, body: { batch: [{}, {}, {}] } })
    expect(received(client)).toEqual([['update', 'a'], ['update', 'b'], ['update', 'a']])
  })

  it('publishes nothing when the third event has an invalid channel', async () => {
    const { client, batch } = setup(['a', 'b'])
    const result = await batch({ batch: [event('a'), event('b'), event('bad name')] })
    expect(result.status).toBe(400)
    expect(result.body).toEqual(expect.stringContaining('batch.2.channel'))
    expect(client.transport.frames).toEqual([])
  })

  it('publishes nothing when the third event is too big, naming it', async () => {
    const { client, batch } = setup(['a', 'b'], { REVERB_APP_MAX_MESSAGE_SIZE: '50' })
    const result = await batch({ batch: [event('a'), event('b'), event('a', { data: 'x'.repeat(51) })] })
    expect(result.status).toBe(413)
    expect(result.body).toEqual(expect.stringContaining('batch[2].data'))
    expect(client.transport.frames).toEqual([])
  })

  it('publishes nothing when the third event asks user_count of a non-presence channel', async () => {
    const { client, batch } = setup(['a', 'b'])
    const result = await batch({ batch: [event('a'), event('b'), event('a', { info: 'user_count' })] })
    expect(result.status).toBe(400)
    expect(client.transport.frames).toEqual([])
  })

  it('answers 413 for a batch over maxBatchSize', async () => {
    const { client, batch } = setup(['a'], { LOOKOUT_MAX_BATCH_SIZE: '2' })
    const result = await batch({ batch: [event('a'), event('a'), event('a')] })
    expect(result.status).toBe(413)
    expect(result.body).toEqual(expect.stringContaining('batch'))
    expect(client.transport.frames).toEqual([])
    expect((await batch({ batch: [event('a'), event('a')] })).status).toBe(200)
  })

  it('answers 400 for a missing batch or a batch event without a name', async () => {
    const { batch } = setup(['a'])
    expect(await batch({})).toMatchObject({ status: 400, body: expect.stringContaining('batch') })
    expect(await batch({ batch: [{ channel: 'a', data: '{}' }] })).toMatchObject({ status: 400, body: expect.stringContaining('batch.0.name') })
  })

  it('answers with the requested attributes per event', async () => {
    const { batch } = setup(['a'])
    expect(await batch({ batch: [event('a', { info: 'subscription_count' }), event('b')] })).toEqual({ status: 200, body: { batch: [{ subscription_count: 1 }, {}] } })
  })
})
