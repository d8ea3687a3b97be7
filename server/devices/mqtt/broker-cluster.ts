// The embedded broker's sessions and message routing through Redis in cluster mode, so a device may connect
// to any instance and still get what was queued for it: aedes-persistence-redis and mqemitter-redis.
import type { AedesOptions } from 'aedes'
import { Redis } from 'ioredis'

/** Broker options that keep sessions, subscriptions, queued messages and routing in the Redis at `redisUrl`. */
export async function clusterBrokerOptions(redisUrl: string): Promise<Pick<AedesOptions, 'persistence' | 'mq'>> {
  // Loaded only in cluster mode. The package's main entry wraps callbacks; aedes 1.x wants the promise-based class.
  const { default: AsyncRedisPersistence } = await import('aedes-persistence-redis/asyncPersistence.js')
  const { default: mqemitterRedis } = await import('mqemitter-redis')
  return {
    persistence: new AsyncRedisPersistence({ conn: new Redis(redisUrl) }),
    mq: mqemitterRedis({ connectionString: redisUrl }) as unknown as NonNullable<AedesOptions['mq']>,
  }
}
