// A Reverb drop-in, checked with stock clients only (pusher-js 8, laravel-echo 2, the `pusher` 5 SDK and a
// raw `ws` socket): what a Laravel application sees must be what Reverb would show it, payloads byte for byte.
import type Pusher from 'pusher'
import type PusherJs from 'pusher-js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connected, echoClient, pusherClient, serverSdk, waitFor } from '../support/clients'
import { RawSocket } from '../support/raw-socket'
import { signedApiQuery } from '../support/pusher-signing'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let sdk: Pusher
const cleanups: Array<() => void> = []

beforeAll(async () => {
  server = await startServer()
  sdk = serverSdk(server)
})
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})
afterAll(() => server.stop())

type User = { user_id: string, user_info?: Record<string, unknown> }

async function client(user?: User): Promise<PusherJs> {
  const pusher = pusherClient(server, sdk, { user })
  cleanups.push(() => pusher.disconnect())
  await connected(pusher)
  return pusher
}

async function raw(): Promise<RawSocket> {
  const socket = await RawSocket.open(server, TEST_APP.key)
  cleanups.push(() => socket.close())
  return socket
}

function subscribed(pusher: PusherJs, name: string) {
  const channel = pusher.subscribe(name)
  return new Promise<typeof channel>((resolve, reject) => {
    channel.bind('pusher:subscription_succeeded', () => resolve(channel))
    channel.bind('pusher:subscription_error', (error: unknown) => reject(new Error(JSON.stringify(error))))
  })
}

/** Sends a signed HTTP API request the way the SDK does, with the given body as it is. */
function apiPost(path: string, body: string, secret?: string): Promise<Response> {
  const query = signedApiQuery('POST', path, body, secret ? { secret } : {})
  return fetch(`${server.url}${path}?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
}

const PAYLOADS: Array<[string, unknown]> = [
  ['an object', { hello: 'world', nested: { list: [1, 2.5, 'three'] } }],
  ['an empty object', {}],
  ['an array', [1, { a: 2 }, 'x']],
  ['a string', 'plain text'],
  ['a number', 42],
]

describe('payloads exactly as published', () => {
  it.each(PAYLOADS)('gives pusher-js %s deep-equal to what the SDK triggered', async (_what, payload) => {
    const channel = await subscribed(await client(), 'public-payloads')
    const received: unknown[] = []
    channel.bind('shape', (data: unknown) => received.push(data))
    await sdk.trigger('public-payloads', 'shape', payload)
    await waitFor(() => received.length === 1, 5_000, 'the event')
    expect(received[0]).toEqual(payload)
  })

  it.each(['{"hello":"world"}', '{ "spaced" :  1 , "z":[ ] }', '[1,2]', '"quoted"', '3.14159', 'not json at all', '{"__lookout":{"offset":7},"mine":true}'])(
    'writes the data string %s byte for byte into the frame of a plain socket',
    async (data) => {
      const socket = await raw()
      socket.send({ event: 'pusher:subscribe', data: { channel: 'public-bytes' } })
      const confirmation = await socket.next('pusher_internal:subscription_succeeded')
      expect(confirmation).toEqual({ event: 'pusher_internal:subscription_succeeded', channel: 'public-bytes', data: '{}' })
      const body = JSON.stringify({ name: 'bytes', channels: ['public-bytes'], data })
      expect((await apiPost(`/apps/${TEST_APP.id}/events`, body)).status).toBe(200)
      expect((await socket.next('bytes')).data).toBe(data)
    },
  )

  it('replays a cache channel\'s last event untouched', async () => {
    await sdk.trigger('cache-quotes', 'quote', { price: 1.5 })
    const socket = await raw()
    socket.send({ event: 'pusher:subscribe', data: { channel: 'cache-quotes' } })
    expect((await socket.next('quote')).data).toBe('{"price":1.5}')
  })
})

describe('channels', () => {
  it('subscribes to a private channel with the SDK\'s signature and refuses a bad one without closing', async () => {
    const pusher = await client()
    await subscribed(pusher, 'private-orders')
    const socket = await raw()
    socket.send({ event: 'pusher:subscribe', data: { channel: 'private-orders', auth: `${TEST_APP.key}:${'0'.repeat(64)}` } })
    expect(JSON.parse((await socket.next('pusher:subscription_error')).data as string)).toMatchObject({ status: 401 })
    expect(socket.isOpen).toBe(true)
  })

  it('announces presence members once per user, with Reverb\'s members snapshot', async () => {
    const ada = await client({ user_id: 'ada', user_info: { name: 'Ada' } })
    const channel = await subscribed(ada, 'presence-team')
    const added: unknown[] = []
    const removed: unknown[] = []
    channel.bind('pusher:member_added', (member: unknown) => added.push(member))
    channel.bind('pusher:member_removed', (member: unknown) => removed.push(member))
    const bob = await client({ user_id: 'bob', user_info: { name: 'Bob' } })
    const bobChannel = await subscribed(bob, 'presence-team')
    expect((bobChannel as unknown as { members: { count: number } }).members.count).toBe(2)
    await waitFor(() => added.length === 1, 5_000, 'member_added')
    expect(added[0]).toEqual({ id: 'bob', info: { name: 'Bob' } })
    bob.disconnect()
    await waitFor(() => removed.length === 1, 5_000, 'member_removed')
    expect(removed[0]).toMatchObject({ id: 'bob' })
  })

  it('passes client events between subscribers of a private channel, untouched and not back to the sender', async () => {
    const sender = await client()
    const listener = await client()
    const sent = await subscribed(sender, 'private-chat')
    const heard = await subscribed(listener, 'private-chat')
    const received: unknown[] = []
    const echoed: unknown[] = []
    heard.bind('client-typing', (data: unknown) => received.push(data))
    sent.bind('client-typing', (data: unknown) => echoed.push(data))
    sent.trigger('client-typing', { who: 'sender', at: [1, 2] })
    await waitFor(() => received.length === 1, 5_000, 'the client event')
    expect(received[0]).toEqual({ who: 'sender', at: [1, 2] })
    expect(echoed).toEqual([])
  })
})

describe('the HTTP API', () => {
  it('triggers one event on several channels, and leaves out the socket it names', async () => {
    const [first, second] = [await client(), await client()]
    const seen: string[] = []
    for (const [pusher, label] of [[first, 'first'], [second, 'second']] as const) {
      for (const name of ['public-a', 'public-b']) (await subscribed(pusher, name)).bind('multi', () => seen.push(`${label}:${name}`))
    }
    await sdk.trigger(['public-a', 'public-b'], 'multi', { n: 1 }, { socket_id: first.connection.socket_id })
    await waitFor(() => seen.length === 2, 5_000, 'deliveries')
    expect(seen.sort()).toEqual(['second:public-a', 'second:public-b'])
  })

  it('triggers a batch of events, each as published', async () => {
    const channel = await subscribed(await client(), 'public-batch')
    const received: unknown[] = []
    channel.bind('one', (data: unknown) => received.push(data))
    channel.bind('two', (data: unknown) => received.push(data))
    await sdk.triggerBatch([{ channel: 'public-batch', name: 'one', data: { n: 1 } }, { channel: 'public-batch', name: 'two', data: 'two' }])
    await waitFor(() => received.length === 2, 5_000, 'the batch')
    expect(received).toEqual([{ n: 1 }, 'two'])
  })

  it('answers channel queries: occupied channels, one channel, presence users', async () => {
    const pusher = await client({ user_id: 'querier' })
    await subscribed(pusher, 'presence-query')
    const channels = await (await sdk.get({ path: '/channels', params: { filter_by_prefix: 'presence-', info: 'user_count' } })).json() as { channels: Record<string, { user_count: number }> }
    expect(channels.channels['presence-query']).toEqual({ user_count: 1 })
    const one = await (await sdk.get({ path: '/channels/presence-query', params: { info: 'user_count,subscription_count' } })).json()
    expect(one).toMatchObject({ occupied: true, user_count: 1, subscription_count: 1 })
    const users = await (await sdk.get({ path: '/channels/presence-query/users' })).json()
    expect(users).toEqual({ users: [{ id: 'querier' }] })
  })

  it('answers a bad signature with 401 and an oversized event with 413', async () => {
    const body = JSON.stringify({ name: 'x', channels: ['public-a'], data: '{}' })
    expect((await apiPost(`/apps/${TEST_APP.id}/events`, body, 'not-the-secret-0123456789')).status).toBe(401)
    const big = JSON.stringify({ name: 'x', channels: ['public-a'], data: 'x'.repeat(10_001) })
    expect((await apiPost(`/apps/${TEST_APP.id}/events`, big)).status).toBe(413)
  })
})

describe('laravel-echo', () => {
  it('listens, whispers and joins as a Laravel front end does', async () => {
    const member = (id: string) => ({ user_id: id, user_info: { id, name: id } })
    const [ann, ben] = [echoClient(server, sdk, 'reverb', member('ann')), echoClient(server, sdk, 'reverb', member('ben'))]
    cleanups.push(() => ann.disconnect(), () => ben.disconnect())
    const heard: unknown[] = []
    const whispers: unknown[] = []
    const here: number[] = []
    let annReady = false
    let benReady = false
    ann.private('orders.1').subscribed(() => { annReady = true }).listen('.OrderShipped', (data: unknown) => heard.push(data))
    ben.private('orders.1').subscribed(() => { benReady = true }).listenForWhisper('typing', (data: unknown) => whispers.push(data))
    ann.join('lobby').here((members: unknown[]) => here.push(members.length))
    await waitFor(() => annReady && benReady && here.length === 1, 5_000, 'subscriptions')
    await sdk.trigger('private-orders.1', 'OrderShipped', { order: { id: 1 } })
    ann.private('orders.1').whisper('typing', { name: 'ann' })
    await waitFor(() => heard.length === 1 && whispers.length === 1, 5_000, 'event and whisper')
    expect(heard[0]).toEqual({ order: { id: 1 } })
    expect(whispers[0]).toEqual({ name: 'ann' })
  })
})
