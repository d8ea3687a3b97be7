// pusher-js subscribes to every channel kind and receives what the `pusher` SDK publishes.
import type PusherJs from 'pusher-js'
import type Pusher from 'pusher'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connected, pusherClient, serverSdk, waitFor } from '../support/clients'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { RECOVERY_PATH } from '../../shared/realtime-protocol'

let server: ServerProcess
let sdk: Pusher
const clients: PusherJs[] = []

function client(user?: { user_id: string, user_info?: Record<string, unknown> }, wsPath?: string): PusherJs {
  const created = pusherClient(server, sdk, { user, wsPath })
  clients.push(created)
  return created
}

function subscribed(pusher: PusherJs, name: string) {
  const channel = pusher.subscribe(name)
  return new Promise<typeof channel>((resolve, reject) => {
    channel.bind('pusher:subscription_succeeded', () => resolve(channel))
    channel.bind('pusher:subscription_error', (error: unknown) => reject(new Error(JSON.stringify(error))))
  })
}

beforeAll(async () => {
  server = await startServer()
  sdk = serverSdk(server)
})
afterEach(() => {
  for (const created of clients.splice(0)) created.disconnect()
})
afterAll(() => server.stop())

describe('pusher-js with events from the pusher SDK', () => {
  it.each(['public-room', 'private-room', 'presence-room', 'private-encrypted-room'])('receives events on %s', async (name) => {
    const pusher = client({ user_id: 'u1' })
    await connected(pusher)
    const channel = await subscribed(pusher, name)
    const received: unknown[] = []
    channel.bind('status', (data: unknown) => received.push(data))
    await sdk.trigger(name, 'status', { zone: 7, ok: true })
    await waitFor(() => received.length === 1, 5_000, `event on ${name}`)
    expect(received[0]).toMatchObject({ zone: 7, ok: true })
  })

  it('delivers each event once, in publish order, with increasing offsets on the recovery path', async () => {
    const pusher = client(undefined, RECOVERY_PATH)
    await connected(pusher)
    const channel = await subscribed(pusher, 'private-ordered')
    const seen: Array<{ n: number, __lookout: { offset: number } }> = []
    channel.bind('tick', (data: { n: number, __lookout: { offset: number } }) => seen.push(data))
    for (let n = 1; n <= 20; n += 1) await sdk.trigger('private-ordered', 'tick', { n })
    await waitFor(() => seen.length === 20, 5_000, '20 events')
    expect(seen.map(event => event.n)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect(seen.map(event => event.__lookout.offset)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
  })

  it('replays the last event of a cache channel to a new subscriber', async () => {
    await sdk.trigger('cache-weather', 'report', { temperature: 21 })
    const pusher = client()
    await connected(pusher)
    const channel = pusher.subscribe('cache-weather')
    const received: unknown[] = []
    channel.bind('report', (data: unknown) => received.push(data))
    await waitFor(() => received.length === 1, 5_000, 'cached event')
    expect(received[0]).toMatchObject({ temperature: 21 })
  })

  it('tells a subscriber to an empty cache channel that the cache missed', async () => {
    const pusher = client()
    await connected(pusher)
    const channel = pusher.subscribe('cache-empty')
    let missed = false
    channel.bind('pusher:cache_miss', () => { missed = true })
    await waitFor(() => missed, 5_000, 'cache miss')
    expect(missed).toBe(true)
  })

  it('does not deliver to the socket named in socket_id', async () => {
    const publisher = client()
    const other = client()
    await Promise.all([connected(publisher), connected(other)])
    const [mine, theirs] = await Promise.all([subscribed(publisher, 'private-except'), subscribed(other, 'private-except')])
    const mineSeen: unknown[] = []
    const theirsSeen: unknown[] = []
    mine.bind('note', (data: unknown) => mineSeen.push(data))
    theirs.bind('note', (data: unknown) => theirsSeen.push(data))
    await sdk.trigger('private-except', 'note', { a: 1 }, { socket_id: publisher.connection.socket_id })
    await waitFor(() => theirsSeen.length === 1, 5_000, 'delivery to the other socket')
    await sdk.trigger('private-except', 'note', { a: 2 })
    await waitFor(() => mineSeen.length === 1, 5_000, 'the second event')
    expect(mineSeen).toEqual([expect.objectContaining({ a: 2 })])
  })
})

describe('client events', () => {
  it('are delivered to other subscribers, never echoed, with the sender on presence channels', async () => {
    const alice = client({ user_id: 'alice' })
    const bob = client({ user_id: 'bob' })
    await Promise.all([connected(alice), connected(bob)])
    const [aliceChannel, bobChannel] = await Promise.all([subscribed(alice, 'presence-chat'), subscribed(bob, 'presence-chat')])
    const aliceSeen: unknown[] = []
    const bobSeen: Array<{ data: unknown, userId?: string }> = []
    aliceChannel.bind('client-typing', (data: unknown) => aliceSeen.push(data))
    bobChannel.bind('client-typing', (data: unknown, meta?: { user_id?: string }) => bobSeen.push({ data, userId: meta?.user_id }))
    aliceChannel.trigger('client-typing', { typing: true })
    await waitFor(() => bobSeen.length === 1, 5_000, 'whisper at bob')
    expect(bobSeen[0]).toEqual({ data: { typing: true }, userId: 'alice' })
    await new Promise(done => setTimeout(done, 200))
    expect(aliceSeen).toEqual([])
  })
})

describe('presence', () => {
  it('announces a user once however many sockets they open, and their leave after the last', async () => {
    const watcher = client({ user_id: 'watcher' })
    await connected(watcher)
    const channel = await subscribed(watcher, 'presence-zone.1')
    const added: string[] = []
    const removed: string[] = []
    channel.bind('pusher:member_added', (member: { id: string }) => added.push(member.id))
    channel.bind('pusher:member_removed', (member: { id: string }) => removed.push(member.id))
    const tabOne = client({ user_id: 'carol', user_info: { name: 'Carol' } })
    const tabTwo = client({ user_id: 'carol', user_info: { name: 'Carol' } })
    await Promise.all([connected(tabOne), connected(tabTwo)])
    await subscribed(tabOne, 'presence-zone.1')
    await subscribed(tabTwo, 'presence-zone.1')
    await waitFor(() => added.length === 1, 5_000, 'member_added')
    const members = (channel as unknown as { members: { count: number, get: (id: string) => { info: unknown } } }).members
    expect(members.count).toBe(2)
    expect(members.get('carol').info).toEqual({ name: 'Carol' })
    tabOne.disconnect()
    await new Promise(done => setTimeout(done, 300))
    expect(removed).toEqual([])
    tabTwo.disconnect()
    await waitFor(() => removed.length === 1, 5_000, 'member_removed')
    expect(added).toEqual(['carol'])
    expect(removed).toEqual(['carol'])
  })
})

describe('user authentication and termination', () => {
  async function signedIn(...ids: string[]): Promise<PusherJs[]> {
    const users = ids.map(id => client({ user_id: id }))
    await Promise.all(users.map(connected))
    for (const user of users) user.signin()
    await Promise.all(users.map(user => user.user.signinDonePromise))
    return users
  }

  it('signs a user in and delivers what the SDK sends to that user only', async () => {
    const [dave, erin] = await signedIn('dave', 'erin') as [PusherJs, PusherJs]
    expect(dave.user.user_data).toMatchObject({ id: 'dave' })
    const daveSeen: unknown[] = []
    const erinSeen: unknown[] = []
    dave.user.bind('notification', (data: unknown) => daveSeen.push(data))
    erin.user.bind('notification', (data: unknown) => erinSeen.push(data))
    await waitFor(() => (dave.user as unknown as { serverToUserChannel?: { subscribed: boolean } }).serverToUserChannel?.subscribed === true, 5_000, 'user channel')
    await sdk.sendToUser('dave', 'notification', { text: 'for dave' })
    await waitFor(() => daveSeen.length === 1, 5_000, 'notification')
    expect(daveSeen[0]).toMatchObject({ text: 'for dave' })
    expect(erinSeen).toEqual([])
  })

  it('closes a user\'s connections when the HTTP API terminates them, and no one else\'s', async () => {
    const [dave, erin] = await signedIn('dave', 'erin') as [PusherJs, PusherJs]
    await sdk.terminateUserConnections('dave')
    await waitFor(() => dave.connection.state !== 'connected', 5_000, 'dave to be disconnected')
    expect(erin.connection.state).toBe('connected')
  })
})
