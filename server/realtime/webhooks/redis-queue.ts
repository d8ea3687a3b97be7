// The webhook queue in Redis (cluster mode): any node sends what any node queued, so a node that is gone
// leaves nothing stranded. A delivery's lease is its score in the due set pushed past the lease's end.
import Redis from 'ioredis'
import type { Delivery, WebhookQueue } from './webhook-queue'

/** Claims the due deliveries and leases them in one step, so two nodes never claim the same one. */
const CLAIM = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local claimed = {}
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], ARGV[3], id)
  table.insert(claimed, id)
  table.insert(claimed, redis.call('HGET', KEYS[2], id) or '')
  table.insert(claimed, redis.call('HGET', KEYS[3], id) or '0')
end
return claimed`

interface ClaimingRedis extends Redis {
  lookoutWebhookClaim: (...args: Array<string | number>) => Promise<string[]>
}

export class RedisWebhookQueue implements WebhookQueue {
  private readonly redis: ClaimingRedis
  private readonly keys: { due: string, items: string, attempts: string, sequence: string }

  constructor(url: string, appId: string) {
    this.redis = new Redis(url, { connectionName: 'lookout-webhooks' }) as ClaimingRedis
    this.redis.defineCommand('lookoutWebhookClaim', { lua: CLAIM, numberOfKeys: 3 })
    // ioredis reconnects by itself; a failed command is reported by the caller.
    this.redis.on('error', () => undefined)
    const base = `lookout:${appId}:webhooks:`
    this.keys = { due: `${base}due`, items: `${base}items`, attempts: `${base}attempts`, sequence: `${base}sequence` }
  }

  async enqueue(deliveries: Array<{ url: string, body: string }>, now: number): Promise<void> {
    const last = await this.redis.incrby(this.keys.sequence, deliveries.length)
    const batch = this.redis.multi()
    deliveries.forEach((delivery, index) => {
      // Zero-padded, so deliveries due at the same millisecond leave in the order they were queued.
      const id = String(last - deliveries.length + 1 + index).padStart(16, '0')
      batch.hset(this.keys.items, id, JSON.stringify({ ...delivery, createdAt: now }))
      batch.zadd(this.keys.due, now, id)
    })
    await batch.exec()
  }

  async claim(now: number, limit: number, leaseMs: number): Promise<Delivery[]> {
    const flat = await this.redis.lookoutWebhookClaim(this.keys.due, this.keys.items, this.keys.attempts, now, limit, now + leaseMs)
    const claimed: Delivery[] = []
    for (let index = 0; index < flat.length; index += 3) {
      const item = JSON.parse(flat[index + 1] || '{}') as { url?: string, body?: string, createdAt?: number }
      claimed.push({ id: flat[index]!, url: item.url ?? '', body: item.body ?? '', attempts: Number(flat[index + 2]), createdAt: item.createdAt ?? now })
    }
    return claimed
  }

  async remove(id: string): Promise<void> {
    await this.redis.multi().zrem(this.keys.due, id).hdel(this.keys.items, id).hdel(this.keys.attempts, id).exec()
  }

  async retryAt(id: string, attempts: number, nextAttemptAt: number): Promise<void> {
    await this.redis.multi().hset(this.keys.attempts, id, attempts).zadd(this.keys.due, nextAttemptAt, id).exec()
  }

  async length(): Promise<number> {
    return await this.redis.zcard(this.keys.due)
  }

  /** Closes the connection (shutdown). */
  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined)
  }
}
