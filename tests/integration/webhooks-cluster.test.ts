// Two nodes sharing Redis, both configured with the same receiver: occupancy and presence changes are sent once
// for the cluster, and never while subscribers remain on the other node; the queue in Redis is shared.
import type PusherJs from 'pusher-js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connected, pusherClient, serverSdk, waitFor } from '../support/clients'
import { metric, sleep, startCluster, until } from '../support/cluster'
import { startRedis } from '../support/redis-process'
import type { RedisProcess } from '../support/redis-process'
import type { ServerProcess } from '../support/server-process'
import { startWebhookReceiver } from '../support/webhook-receiver'
import type { WebhookReceiver } from '../support/webhook-receiver'
import { subscribed, webhooksEnv } from '../support/webhook-setup'

let redis: RedisProcess
let nodes: ServerProcess[]
let target: WebhookReceiver
const clients: PusherJs[] = []

beforeAll(async () => {
  redis = await startRedis()
  target = await startWebhookReceiver()
  nodes = await startCluster(redis, 2, webhooksEnv([{ url: target.url, event_types: ['channel_occupied', 'channel_vacated', 'member_added', 'member_removed'] }]))
})
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect()
})
afterAll(async () => {
  for (const node of nodes ?? []) await node.stop()
  await redis?.dispose()
  await target?.close()
})

async function client(node: ServerProcess, user?: { user_id: string }): Promise<PusherJs> {
  const pusher = pusherClient(node, serverSdk(node), { user })
  clients.push(pusher)
  await connected(pusher)
  return pusher
}

const namesOn = (channel: string) => target.events().filter(event => event.channel === channel).map(event => event.name)

/** Longer than the vacancy grace and a dispatch, so a change that should not be sent would have been by now. */
const SETTLE_MS = 3_000

describe('webhooks in a cluster', () => {
  it('sends channel_occupied once, no vacated while the other node holds a subscriber, and vacated once at the end', async () => {
    const onA = await client(nodes[0]!)
    const onB = await client(nodes[1]!)
    await subscribed(onA, 'private-shared')
    await subscribed(onB, 'private-shared')
    await waitFor(() => namesOn('private-shared').length >= 1, 10_000, 'channel_occupied')
    onA.unsubscribe('private-shared')
    await sleep(SETTLE_MS)
    expect(namesOn('private-shared')).toEqual(['channel_occupied'])
    onB.unsubscribe('private-shared')
    await waitFor(() => namesOn('private-shared').length >= 2, 10_000, 'channel_vacated')
    await sleep(SETTLE_MS)
    expect(namesOn('private-shared')).toEqual(['channel_occupied', 'channel_vacated'])
  }, 60_000)

  it('sends member_added and member_removed once for a user present on both nodes', async () => {
    const onA = await client(nodes[0]!, { user_id: 'u-42' })
    const onB = await client(nodes[1]!, { user_id: 'u-42' })
    await subscribed(onA, 'presence-ops')
    await subscribed(onB, 'presence-ops')
    await waitFor(() => namesOn('presence-ops').includes('member_added'), 10_000, 'member_added')
    onA.unsubscribe('presence-ops')
    await sleep(SETTLE_MS)
    expect(namesOn('presence-ops').filter(name => name.startsWith('member_'))).toEqual(['member_added'])
    onB.unsubscribe('presence-ops')
    await waitFor(() => namesOn('presence-ops').includes('member_removed'), 10_000, 'member_removed')
    await sleep(SETTLE_MS)
    expect(namesOn('presence-ops').filter(name => name.startsWith('member_'))).toEqual(['member_added', 'member_removed'])
  }, 60_000)

  it('shares one queue in Redis: what a stopped node queued is sent by the other', async () => {
    await target.shut()
    const onA = await client(nodes[0]!)
    await subscribed(onA, 'private-stranded')
    await until(async () => (await metric(nodes[1]!, 'lookout_webhooks_queue_length') ?? 0) >= 1, 10_000, 'the queued delivery, seen from node B')
    await nodes[0]!.stop()
    await target.reopen()
    await waitFor(() => namesOn('private-stranded').includes('channel_occupied'), 70_000, 'node B to send node A\'s delivery')
    await sleep(SETTLE_MS)
    expect(namesOn('private-stranded').filter(name => name === 'channel_occupied')).toHaveLength(1)
  }, 120_000)
})
