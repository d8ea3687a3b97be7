// Several nodes sharing one Redis behave as one server: delivery, presence, occupancy, termination, recovery, outages.
import type Pusher from 'pusher'
import type PusherJs from 'pusher-js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryPage } from '../../shared/realtime-protocol'
import { connected, echoClient, pusherClient, serverSdk, waitFor } from '../support/clients'
import type { Message } from '../support/cluster'
import { dataOf, health, metric, positionsOf, sleep, startCluster, tap, until } from '../support/cluster'
import { demoEmail, login } from '../support/http-session'
import { RawSocket } from '../support/raw-socket'
import { startRedis } from '../support/redis-process'
import type { RedisProcess } from '../support/redis-process'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { RECOVERY_PATH } from '../../shared/realtime-protocol'

type Tick = { n: number, __lookout: { offset: number, sent_at: number } }
type User = { user_id: string, user_info?: Record<string, unknown> }

let redis: RedisProcess
let a: ServerProcess
let b: ServerProcess
let sdkA: Pusher
let sdkB: Pusher
const cleanups: Array<() => void> = []

/** A pusher-js client on `node`, with every message it receives; disconnected after the test. */
async function client(node: ServerProcess, user?: User): Promise<{ pusher: PusherJs, messages: Message[] }> {
  const pusher = pusherClient(node, serverSdk(node), { user, wsPath: RECOVERY_PATH })
  cleanups.push(() => pusher.disconnect())
  const messages = tap(pusher)
  await connected(pusher)
  return { pusher, messages }
}

/** Subscribes and resolves on `pusher:subscription_succeeded` (rejects on an error or after 5 s). */
function subscribed(pusher: PusherJs, name: string) {
  const channel = pusher.subscribe(name)
  let timer: NodeJS.Timeout | undefined
  return new Promise<typeof channel>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no subscription to ${name} within 5 s`)), 5_000)
    channel.bind('pusher:subscription_succeeded', () => resolve(channel))
    channel.bind('pusher:subscription_error', (error: unknown) => reject(new Error(JSON.stringify(error))))
  }).finally(() => clearTimeout(timer))
}

/** Sorted user ids of a presence channel's members as pusher-js holds them. */
function memberIds(channel: unknown): string[] {
  const ids: string[] = []
  ;(channel as { members: { each: (fn: (member: { id: string }) => void) => void } }).members.each(member => ids.push(member.id))
  return ids.sort()
}

async function users(sdk: Pusher, channel: string): Promise<string[]> {
  const body = await (await sdk.get({ path: `/channels/${channel}/users` })).json() as { users: Array<{ id: string }> }
  return body.users.map(user => user.id).sort()
}

async function channelInfo(sdk: Pusher, channel: string, info?: string): Promise<unknown> {
  return (await sdk.get({ path: `/channels/${channel}`, params: info ? { info } : {} })).json()
}

beforeAll(async () => {
  redis = await startRedis()
  ;[a, b] = await startCluster(redis, 2) as [ServerProcess, ServerProcess]
  sdkA = serverSdk(a)
  sdkB = serverSdk(b)
}, 200_000)
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
  await redis?.dispose()
})

describe('delivery across nodes', () => {
  it('delivers API events from either node once each, in publish order, with offsets counting 1, 2, 3 … on every node', async () => {
    const onA = await client(a)
    const onB = await client(b)
    await Promise.all([subscribed(onA.pusher, 'private-cross'), subscribed(onB.pusher, 'private-cross')])
    const echo = echoClient(b, sdkB, 'reverb', undefined, { wsPath: RECOVERY_PATH })
    cleanups.push(() => echo.disconnect())
    const echoSeen: Tick[] = []
    let echoReady = false
    echo.private('cross').subscribed(() => { echoReady = true }).listen('.tick', (data: Tick) => echoSeen.push(data))
    await waitFor(() => echoReady, 5_000, 'Echo subscription on node B')
    for (let n = 1; n <= 20; n += 1) await (n % 2 === 1 ? sdkA : sdkB).trigger('private-cross', 'tick', { n })
    const ticks = (messages: Message[]) => dataOf<Tick>(messages, 'private-cross', 'tick')
    await waitFor(() => ticks(onA.messages).length >= 20 && ticks(onB.messages).length >= 20 && echoSeen.length >= 20, 5_000, '20 events on each subscriber')
    await sleep(200)
    const expected = Array.from({ length: 20 }, (_, i) => i + 1)
    for (const seen of [ticks(onA.messages), ticks(onB.messages), echoSeen]) {
      expect(seen.map(tick => tick.n)).toEqual(expected)
      expect(seen.map(tick => tick.__lookout.offset)).toEqual(expected)
    }
  })

  it('delivers client events to the other subscribers on every node once, in order, never back to the sender', async () => {
    const sender = await client(a)
    const nearby = await client(a)
    const remote = await client(b)
    const [channel] = await Promise.all([sender, nearby, remote].map(each => subscribed(each.pusher, 'private-whisper')))
    for (let n = 1; n <= 5; n += 1) channel!.trigger('client-typing', { n })
    const typed = (messages: Message[]) => dataOf<{ n: number }>(messages, 'private-whisper', 'client-typing').map(data => data.n)
    await waitFor(() => typed(nearby.messages).length >= 5 && typed(remote.messages).length >= 5, 5_000, 'client events on both nodes')
    await sleep(300)
    expect(typed(nearby.messages)).toEqual([1, 2, 3, 4, 5])
    expect(typed(remote.messages)).toEqual([1, 2, 3, 4, 5])
    expect(typed(sender.messages)).toEqual([])
  })

  it('carries the sender of a client event on a presence channel to the other node', async () => {
    const alice = await client(a, { user_id: 'whisper-alice' })
    const bob = await client(b, { user_id: 'whisper-bob' })
    const [channel] = await Promise.all([subscribed(alice.pusher, 'presence-whisper'), subscribed(bob.pusher, 'presence-whisper')])
    channel.trigger('client-wave', { hello: true })
    await waitFor(() => bob.messages.some(message => message.event === 'client-wave'), 5_000, 'client event at bob')
    expect(bob.messages.find(message => message.event === 'client-wave')).toMatchObject({ data: { hello: true }, user_id: 'whisper-alice' })
  })

  it('delivers what the SDK sends to a signed-in user on another node', async () => {
    const dave = await client(b, { user_id: 'send-dave' })
    dave.pusher.signin()
    await dave.pusher.user.signinDonePromise
    await waitFor(() => dataOf(dave.messages, '#server-to-user-send-dave', 'pusher_internal:subscription_succeeded').length === 1, 5_000, 'user channel')
    const seen: unknown[] = []
    dave.pusher.user.bind('notification', (data: unknown) => seen.push(data))
    await sdkA.sendToUser('send-dave', 'notification', { text: 'from node A' })
    await waitFor(() => seen.length === 1, 5_000, 'notification')
    expect(seen[0]).toMatchObject({ text: 'from node A' })
  })
})

describe('presence across nodes', () => {
  it('lists the same members from every node and announces each user once, however many sockets on however many nodes', async () => {
    const name = 'presence-room'
    const watcher = await client(a, { user_id: 'watcher' })
    const watched = await subscribed(watcher.pusher, name)
    const carolA = await client(a, { user_id: 'carol', user_info: { name: 'Carol' } })
    const carolB = await client(b, { user_id: 'carol', user_info: { name: 'Carol' } })
    const dave = await client(b, { user_id: 'dave' })
    await subscribed(carolA.pusher, name)
    await subscribed(carolB.pusher, name)
    await subscribed(dave.pusher, name)
    const added = () => dataOf<{ user_id: string }>(watcher.messages, name, 'pusher_internal:member_added').map(member => member.user_id)
    await waitFor(() => added().length >= 2, 5_000, 'carol and dave added')
    const [lateA, lateB] = [await client(a, { user_id: 'late-a' }), await client(b, { user_id: 'late-b' })]
    await subscribed(lateA.pusher, name)
    // Node B learns of late-a from the bus (as dave, on B, sees); only then is its answer comparable.
    await waitFor(() => dataOf<{ user_id: string }>(dave.messages, name, 'pusher_internal:member_added').some(member => member.user_id === 'late-a'), 5_000, 'late-a known on node B')
    await subscribed(lateB.pusher, name)
    await until(async () => (await users(sdkA, name)).length === 5 && (await users(sdkB, name)).length === 5, 5_000, 'five members in Redis')
    // What each node told its new subscriber: everyone there at the time, plus the subscriber.
    const listed = (messages: Message[]) => dataOf<{ presence: { ids: string[], hash: Record<string, unknown> } }>(messages, name, 'pusher_internal:subscription_succeeded')[0]!.presence
    expect(listed(lateA.messages).ids.sort()).toEqual(['carol', 'dave', 'late-a', 'watcher'])
    expect(listed(lateB.messages).ids.sort()).toEqual(['carol', 'dave', 'late-a', 'late-b', 'watcher'])
    expect(listed(lateB.messages).hash.carol).toEqual({ name: 'Carol' })
    const everyone = ['carol', 'dave', 'late-a', 'late-b', 'watcher']
    expect(await users(sdkA, name)).toEqual(everyone)
    expect(await users(sdkB, name)).toEqual(everyone)
    await waitFor(() => memberIds(watched).length === 5, 5_000, 'the watcher to know everyone')
    const removed = () => dataOf<{ user_id: string }>(watcher.messages, name, 'pusher_internal:member_removed').map(member => member.user_id)
    carolA.pusher.disconnect()
    await sleep(500)
    expect(removed()).toEqual([])
    carolB.pusher.disconnect()
    await waitFor(() => removed().length === 1, 5_000, 'carol removed after her last socket')
    await sleep(300)
    expect(added()).toEqual(['carol', 'dave', 'late-a', 'late-b'])
    expect(removed()).toEqual(['carol'])
    expect(dataOf(lateB.messages, name, 'pusher_internal:member_removed')).toEqual([{ user_id: 'carol' }])
    expect(await users(sdkB, name)).toEqual(['dave', 'late-a', 'late-b', 'watcher'])
  })
})

describe('occupancy across nodes', () => {
  it('reports the same channel info and channel lists from every node', async () => {
    const [one, two, three] = [await client(a, { user_id: 'count-alice' }), await client(b, { user_id: 'count-bob' }), await client(b, { user_id: 'count-alice' })]
    for (const each of [one, two, three]) {
      await subscribed(each.pusher, 'private-count')
      await subscribed(each.pusher, 'presence-count')
    }
    await until(async () => ((await channelInfo(sdkA, 'private-count', 'subscription_count')) as { subscription_count: number }).subscription_count === 3, 5_000, 'three subscriptions')
    for (const sdk of [sdkA, sdkB]) {
      expect(await channelInfo(sdk, 'presence-count', 'user_count,subscription_count')).toEqual({ occupied: true, user_count: 2, subscription_count: 3 })
      expect(await channelInfo(sdk, 'private-count', 'subscription_count')).toEqual({ occupied: true, subscription_count: 3 })
      expect(await (await sdk.get({ path: '/channels', params: { filter_by_prefix: 'presence-count', info: 'user_count' } })).json()).toEqual({ channels: { 'presence-count': { user_count: 2 } } })
      expect(await (await sdk.get({ path: '/channels', params: { filter_by_prefix: 'private-count' } })).json()).toEqual({ channels: { 'private-count': {} } })
    }
    for (const each of [one, two, three]) each.pusher.disconnect()
    await until(async () => ((await channelInfo(sdkB, 'presence-count')) as { occupied: boolean }).occupied === false, 5_000, 'channel left')
    expect(await channelInfo(sdkA, 'presence-count', 'user_count')).toEqual({ occupied: false, user_count: 0 })
    expect(await channelInfo(sdkA, 'private-count')).toEqual({ occupied: false })
  })

  it('exposes the cluster in /metrics and /api/health of every node', async () => {
    for (const node of [a, b]) {
      await until(async () => await metric(node, 'lookout_cluster_nodes') === 2, 5_000, 'nodes gauge')
      expect(await metric(node, 'lookout_cluster_redis_up')).toBe(1)
      expect(await health(node)).toMatchObject({ status: 'ok', cluster: { redis: 'up', nodes: 2 } })
    }
  })
})

describe('terminate_connections across nodes', () => {
  it('closes a signed-in user\'s sockets on another node, and nobody else\'s', async () => {
    const [daveB, daveA, erinB] = [await client(b, { user_id: 'term-dave' }), await client(a, { user_id: 'term-dave' }), await client(b, { user_id: 'term-erin' })]
    for (const each of [daveB, daveA, erinB]) each.pusher.signin()
    await Promise.all([daveB, daveA, erinB].map(each => each.pusher.user.signinDonePromise))
    const response = await sdkA.terminateUserConnections('term-dave')
    expect(response.status).toBe(200)
    await waitFor(() => daveB.pusher.connection.state !== 'connected' && daveA.pusher.connection.state !== 'connected', 5_000, 'dave disconnected on both nodes')
    expect(daveB.messages.filter(message => message.event === 'pusher:error').map(message => message.data)).toEqual([expect.objectContaining({ code: 4009 })])
    await sleep(300)
    expect(erinB.pusher.connection.state).toBe('connected')
  })
})

describe('recovery on another node', () => {
  it('gives a client that moves from node A to node B exactly the events it missed, in order', async () => {
    const name = 'recover-feed'
    const first = await client(a)
    await subscribed(first.pusher, name)
    const [position] = positionsOf(first.messages, name)
    for (let n = 1; n <= 3; n += 1) await sdkB.trigger(name, 'item', { n })
    const seen = () => dataOf<Tick>(first.messages, name, 'item')
    await waitFor(() => seen().length === 3, 5_000, 'the first three events')
    const lastOffset = seen().at(-1)!.__lookout.offset
    first.pusher.disconnect()
    for (let n = 4; n <= 7; n += 1) await (n % 2 === 0 ? sdkA : sdkB).trigger(name, 'item', { n })
    const second = await client(b)
    await subscribed(second.pusher, name)
    expect(positionsOf(second.messages, name)).toEqual([{ epoch: position!.epoch, offset: 7 }])
    const page = await (await sdkB.get({ path: `/channels/${name}/events`, params: { after: String(lastOffset), epoch: position!.epoch } })).json() as HistoryPage
    expect(page.gap).toBe(false)
    expect(page.events.map(event => [event.offset, JSON.parse(event.data).n])).toEqual([[4, 4], [5, 5], [6, 6], [7, 7]])
    const session = await login(b, demoEmail('viewer', 'greenfield'))
    const viaSession = await (await session.fetch(`/api/realtime/history?${new URLSearchParams({ channel: name, after: String(lastOffset), epoch: position!.epoch })}`)).json() as HistoryPage
    // The pages' route gives the events as recovery sockets got them; the HTTP API as they were published.
    expect({ ...viaSession, events: [] }).toEqual({ ...page, events: [] })
    expect(viaSession.events.map(event => JSON.parse(event.data))).toEqual(page.events.map(event => ({ __lookout: { offset: event.offset, sent_at: event.sent_at }, ...JSON.parse(event.data) })))
  })
})

describe('a node that dies', () => {
  it('has its presence members removed by the other nodes within 15 s of a SIGKILL', async () => {
    const c = await startServer({ REDIS_URL: redis.url })
    try {
      await until(async () => (await health(c)).cluster?.redis === 'up', 5_000, 'node C in the cluster')
      const name = 'presence-kill'
      const watchers = [await client(a, { user_id: 'kill-watch-a' }), await client(b, { user_id: 'kill-watch-b' })]
      for (const watcher of watchers) await subscribed(watcher.pusher, name)
      const ghost = await client(c, { user_id: 'ghost' })
      await subscribed(ghost.pusher, name)
      const saw = (event: string) => watchers.every(watcher => dataOf<{ user_id: string }>(watcher.messages, name, event).some(member => member.user_id === 'ghost'))
      await waitFor(() => saw('pusher_internal:member_added'), 5_000, 'ghost added on A and B')
      const killedAt = Date.now()
      c.child.kill('SIGKILL')
      await waitFor(() => saw('pusher_internal:member_removed'), 20_000, 'ghost removed on A and B')
      expect(Date.now() - killedAt).toBeLessThan(15_000)
      for (const sdk of [sdkA, sdkB]) {
        expect(await users(sdk, name)).toEqual(['kill-watch-a', 'kill-watch-b'])
        expect(await channelInfo(sdk, name, 'subscription_count')).toEqual({ occupied: true, subscription_count: 2 })
      }
      await until(async () => (await health(a)).cluster?.nodes === 2, 5_000, 'node A to count two nodes')
    }
    finally {
      await c.stop()
    }
  }, 60_000)
})

describe('Redis restarted under load', () => {
  it('keeps the publishing node serving during the outage, then has every client resubscribe on a new epoch', async () => {
    const name = 'load-feed'
    const onA = await client(a)
    const onB = await client(b)
    await Promise.all([subscribed(onA.pusher, name), subscribed(onB.pusher, name)])
    const raws = await Promise.all([a, b].map(node => RawSocket.open(node, TEST_APP.key)))
    cleanups.push(() => raws.forEach(raw => raw.close()))
    for (const raw of raws) {
      raw.send({ event: 'pusher:subscribe', data: { channel: name } })
      await raw.next('pusher_internal:subscription_succeeded')
    }
    const before = positionsOf(onA.messages, name)[0]!
    let n = 0
    let publishing = true
    const failures: unknown[] = []
    const publisher = (async () => {
      while (publishing) {
        n += 1
        await sdkA.trigger(name, 'tick', { n }).catch((error: unknown) => failures.push(error))
        await sleep(40)
      }
    })()
    try {
      const ticks = (messages: Message[]) => dataOf<Tick>(messages, name, 'tick')
      await waitFor(() => ticks(onA.messages).length >= 5 && ticks(onB.messages).length >= 5, 5_000, 'ticks before the outage')

      await redis.stop()
      for (const node of [a, b]) await until(async () => (await health(node)).status === 'degraded', 5_000, `node ${node.port} degraded`)
      expect(await health(a)).toMatchObject({ status: 'degraded', cluster: { redis: 'down' } })
      await until(async () => await metric(a, 'lookout_cluster_redis_up') === 0, 3_000, 'redis_up 0')
      for (const node of [a, b]) expect(node.output()).toMatch(/cluster: Redis connection lost; node \w+ serves its own sockets alone/)
      const atOutage = n
      await waitFor(() => ticks(onA.messages).some(tick => tick.n >= atOutage + 10), 5_000, 'ticks on node A during the outage')

      await redis.start()
      for (const node of [a, b]) await until(async () => (await health(node)).status === 'ok', 15_000, `node ${node.port} back to ok`)
      for (const raw of raws) expect((await raw.closedWith(5_000)).code).toBe(4200)
      for (const node of [a, b]) expect(node.output()).toMatch(/cluster: Redis is back; node \w+ resynchronised and asks its \d+ clients to reconnect/)
      await waitFor(() => positionsOf(onA.messages, name).length >= 2 && positionsOf(onB.messages, name).length >= 2, 10_000, 'both clients resubscribed')
      const resubscribedAt = onA.messages.findLastIndex(message => message.channel === name && message.event === 'pusher_internal:subscription_succeeded') + 1
      const after = positionsOf(onA.messages, name).at(-1)!
      expect(after.epoch).not.toBe(before.epoch)
      expect(positionsOf(onB.messages, name).at(-1)!.epoch).toBe(after.epoch)

      // Live events after resubscribing continue from the offset the confirmation named.
      await waitFor(() => ticks(onA.messages.slice(resubscribedAt)).length >= 5, 5_000, 'ticks after the resubscription')
      const offsets = ticks(onA.messages.slice(resubscribedAt)).map(tick => tick.__lookout.offset)
      expect(offsets).toEqual(offsets.map((_, i) => after.offset + 1 + i))
      // What node A published alone during the outage reached Redis afterwards, numbered in the new epoch.
      const alone = ticks(onA.messages).filter(tick => tick.__lookout === undefined).map(tick => tick.n)
      expect(alone.length).toBeGreaterThanOrEqual(10)
      const page = await (await sdkB.get({ path: `/channels/${name}/events`, params: { after: '0', epoch: after.epoch } })).json() as HistoryPage
      expect(page.gap).toBe(false)
      expect(page.events.map(event => event.offset)).toEqual(page.events.map((_, i) => i + 1))
      expect(page.events.map(event => JSON.parse(event.data).n).slice(0, alone.length)).toEqual(alone)
      // And node B's subscribers get node A's events again.
      const onBBefore = ticks(onB.messages).length
      await waitFor(() => ticks(onB.messages).length >= onBBefore + 5, 5_000, 'node A\'s ticks on node B')
    }
    finally {
      publishing = false
      await publisher
    }
    expect(failures).toEqual([])
    for (const node of [a, b]) expect({ exitCode: node.child.exitCode, signal: node.child.signalCode }).toEqual({ exitCode: null, signal: null })
  }, 60_000)
})
