// What the HTTP API and the history route read from Redis in cluster mode: the whole cluster's answer.
import type { HistoryEvent, HistoryPage } from '../../../shared/realtime-protocol'
import type { ClusterNode } from './cluster-node'

/** Subscriptions per channel over every node. */
export async function clusterSubscriptionCounts(cluster: ClusterNode): Promise<Map<string, number>> {
  const counts = await cluster.link.commands.hgetall(cluster.keys.subscriptions)
  return new Map(Object.entries(counts).map(([channel, count]) => [channel, Number(count)]))
}

/** Members (user ids) of a presence channel over every node. */
export async function clusterMembers(cluster: ClusterNode, channel: string): Promise<string[]> {
  return cluster.link.commands.hkeys(cluster.keys.presenceInfo(channel))
}

/** Kept events of a channel after `after`, from its Redis stream, with the same gap rules as a single node. */
export async function clusterHistory(cluster: ClusterNode, channel: string, after: number, epoch: string | undefined, maxAgeMs: number, now = Date.now()): Promise<HistoryPage> {
  const redis = cluster.link.commands
  const [offset, entries] = await Promise.all([
    redis.hget(cluster.keys.offsets, channel),
    redis.xrange(cluster.keys.history(channel), `(${after}-0`, '+'),
  ])
  const page: HistoryPage = { channel, epoch: cluster.positions.epoch, offset: Number(offset ?? 0), events: [], gap: false }
  if (epoch !== undefined && epoch !== page.epoch) return { ...page, gap: true }
  if (after >= page.offset) return page
  const events: HistoryEvent[] = []
  for (const [id, flat] of entries) {
    const fields: Record<string, string> = {}
    for (let i = 0; i < flat.length; i += 2) fields[flat[i]!] = flat[i + 1]!
    const event = { offset: Number.parseInt(id, 10), event: fields.e ?? '', data: fields.d ?? '', sent_at: Number(fields.s) }
    if (event.offset <= page.offset && now - event.sent_at <= maxAgeMs) events.push(event)
  }
  const oldestKept = events[0]?.offset ?? page.offset + 1
  return { ...page, events, gap: oldestKept > after + 1 }
}
