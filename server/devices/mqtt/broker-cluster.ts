// The embedded broker's sessions and message routing through Redis in cluster mode, so a device may connect
// to any instance and still get what was queued for it: aedes-persistence-redis and mqemitter-redis.
import type { AedesOptions } from 'aedes'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)

/** Broker options that keep sessions, subscriptions, queued messages and routing in the Redis at `redisUrl`. */
export function clusterBrokerOptions(redisUrl: string): Pick<AedesOptions, 'persistence' | 'mq'> {
  // The packages' main entries wrap callbacks; aedes 1.x wants the promise-based persistence directly.
  const AsyncRedisPersistence = require('aedes-persistence-redis/asyncPersistence.js') as new (options: { conn?: unknown }) => NonNullable<AedesOptions['persistence']>
  const mqemitterRedis = require('mqemitter-redis') as (options: { connectionString: string }) => NonNullable<AedesOptions['mq']>
  const { Redis } = require('ioredis') as typeof import('ioredis')
  return {
    persistence: new AsyncRedisPersistence({ conn: new Redis(redisUrl) }),
    mq: mqemitterRedis({ connectionString: redisUrl }),
  }
}
