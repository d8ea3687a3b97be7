// The cluster changes a broker reports (webhooks' events): each occupancy and presence change once,
// on one node, whichever broker and however many nodes share the cluster.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ClusterChange } from '../../../../server/realtime/broker'
import type { RealtimeEngine } from '../../../../server/realtime/engine'
import { signChannelAuth } from '../../../../server/realtime/signature'
import { brokersUnderTest, inSync, redisState, settled } from './brokers'
import type { TestClient } from './fake-transport'
import { APP, appState, connect, subscribe } from './fake-transport'

const BROKERS = brokersUnderTest()
const REDIS = BROKERS.find(broker => broker.name === 'RedisBroker')!

afterEach(() => {
  vi.restoreAllMocks()
})

function join(client: TestClient, channel: string, userId: string): void {
  const channelData = JSON.stringify({ user_id: userId })
  subscribe(client, channel, { auth: signChannelAuth(APP.key, APP.secret, client.socketId, channel, channelData), channel_data: channelData })
}

function unsubscribe(client: TestClient, channel: string): void {
  client.send({ event: 'pusher:unsubscribe', data: { channel } })
}

/** Every change the engine's broker reports from now on. */
function changesOf(engine: RealtimeEngine): ClusterChange[] {
  const changes: ClusterChange[] = []
  appState(engine).broker.onChange(change => changes.push(change))
  return changes
}

describe.each(BROKERS)('cluster changes on the $name', ({ createEngine }) => {
  it('reports channel_occupied on the first subscription and channel_vacated after the last, once each', async () => {
    const engine = await createEngine()
    const changes = changesOf(engine)
    const [a, b] = [connect(engine), connect(engine)]
    subscribe(a, 'news')
    subscribe(b, 'news')
    await settled(engine)
    expect(changes).toEqual([{ name: 'channel_occupied', channel: 'news' }])
    unsubscribe(a, 'news')
    await settled(engine)
    expect(changes).toHaveLength(1)
    engine.closed(b.connection)
    await settled(engine)
    expect(changes).toEqual([{ name: 'channel_occupied', channel: 'news' }, { name: 'channel_vacated', channel: 'news' }])
  })

  it('reports member_added on a user\'s first socket and member_removed after their last, once each', async () => {
    const engine = await createEngine()
    const changes = changesOf(engine)
    const [tab1, tab2] = [connect(engine), connect(engine)]
    join(tab1, 'presence-room', 'u1')
    join(tab2, 'presence-room', 'u1')
    await settled(engine)
    engine.closed(tab1.connection)
    await settled(engine)
    expect(changes.filter(change => change.name.startsWith('member_'))).toEqual([{ name: 'member_added', channel: 'presence-room', userId: 'u1' }])
    engine.closed(tab2.connection)
    await settled(engine)
    expect(changes.filter(change => change.name.startsWith('member_'))).toEqual([
      { name: 'member_added', channel: 'presence-room', userId: 'u1' },
      { name: 'member_removed', channel: 'presence-room', userId: 'u1' },
    ])
  })

  it('stops telling a listener that stopped listening, and keeps working when a listener throws', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const engine = await createEngine()
    const heard: string[] = []
    const stop = appState(engine).broker.onChange(change => heard.push(change.name))
    const stopThrowing = appState(engine).broker.onChange(() => {
      throw new Error('listener bug')
    })
    const client = connect(engine)
    subscribe(client, 'news')
    await settled(engine)
    stop()
    unsubscribe(client, 'news')
    subscribe(client, 'news')
    await settled(engine)
    expect(heard).toEqual(['channel_occupied'])
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('listener bug'))
    stopThrowing()
    expect(client.transport.last).toMatchObject({ event: 'pusher_internal:subscription_succeeded', channel: 'news' })
  })
})

describe('cluster changes of two nodes sharing one Redis', () => {
  it('reports each occupancy and presence change once over both nodes, on the node whose socket decided it', async () => {
    const [nodeA, nodeB] = [await REDIS.createEngine(), await REDIS.createEngine()]
    const [onA, onB] = [changesOf(nodeA), changesOf(nodeB)]
    const [a, b] = [connect(nodeA), connect(nodeB)]
    join(a, 'presence-room', 'u1')
    await settled(nodeA)
    join(b, 'presence-room', 'u1')
    await settled(nodeB)
    expect(onA).toEqual([{ name: 'member_added', channel: 'presence-room', userId: 'u1' }, { name: 'channel_occupied', channel: 'presence-room' }])
    expect(onB).toEqual([])
    nodeA.closed(a.connection)
    await settled(nodeA)
    expect(onA).toHaveLength(2)
    nodeB.closed(b.connection)
    await settled(nodeB)
    expect(onB).toEqual([{ name: 'member_removed', channel: 'presence-room', userId: 'u1' }, { name: 'channel_vacated', channel: 'presence-room' }])
  })

  it('reports what a stopping node takes with it, once, on that node', async () => {
    const [nodeA, nodeB] = [await REDIS.createEngine(), await REDIS.createEngine()]
    const [onA, onB] = [changesOf(nodeA), changesOf(nodeB)]
    join(connect(nodeA), 'presence-room', 'u1')
    subscribe(connect(nodeB), 'news')
    await Promise.all([settled(nodeA), settled(nodeB)])
    onA.length = 0
    onB.length = 0
    await nodeA.shutdown()
    await settled(nodeB)
    expect(onA.sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: 'channel_vacated', channel: 'presence-room' },
      { name: 'member_removed', channel: 'presence-room', userId: 'u1' },
    ])
    expect(onB).toEqual([])
  })

  it('reports nothing while Redis is away, then what this node\'s sockets change in the Redis it finds on coming back', async () => {
    const node = await REDIS.createEngine()
    const changes = changesOf(node)
    const client = connect(node)
    subscribe(client, 'news')
    await settled(node)
    await REDIS.redis!().stop()
    await redisState(node, 'down')
    unsubscribe(client, 'news')
    join(client, 'presence-room', 'u1')
    expect(changes).toEqual([{ name: 'channel_occupied', channel: 'news' }])
    // The restarted Redis is empty (nothing is saved): the node's share is all new to it.
    await REDIS.redis!().start()
    await inSync(node)
    await settled(node)
    expect(changes.slice(1).sort((x, y) => x.name.localeCompare(y.name))).toEqual([
      { name: 'channel_occupied', channel: 'presence-room' },
      { name: 'member_added', channel: 'presence-room', userId: 'u1' },
    ])
  })
})
