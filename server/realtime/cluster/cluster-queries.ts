// What the HTTP API and the history route read from Redis in cluster mode: the whole cluster's answer.
import type { HistoryEvent, HistoryPage } from '../../../shared/realtime-protocol'
import type Redis from 'ioredis'
import type { ClusterKeys } from './keys'

/** Subscriptions per channel over every node. */
export async function clusterSubscriptionCounts(redis: Redis, keys: ClusterKeys): Promise<Map<string, number>> {
  const counts = await redis.hgetall(keys.subscriptions)
  return new Map(Object.entries(counts).map(([channel, count]) => [channel, Number(count)]))
}

/** Members (user ids) of a presence channel over every node. */
export async function clusterMembers(redis: Redis, keys: ClusterKeys, channel: string): Promise<string[]> {
  return redis.hkeys(keys.presenceInfo(channel))
}

/** Kept events of a channel after `after`, from its Redis stream, with the same gap rules as a single node; `clusterEpoch` names the offsets. */
export async function clusterHistory(redis: Redis, keys: ClusterKeys, clusterEpoch: string, channel: string, after: number, epoch: string | undefined, maxAgeMs: number, now = Date.now()): Promise<HistoryPage> {
  const [offset, entries] = await Promise.all([
    redis.hget(keys.offsets, channel),
    redis.xrange(keys.history(channel), `(${after}-0`, '+'),
  ])
  const page: HistoryPage = { channel, epoch: clusterEpoch, offset: Number(offset ?? 0), events: [], gap: false }
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
