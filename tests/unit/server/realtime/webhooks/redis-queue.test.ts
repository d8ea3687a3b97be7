import Redis from 'ioredis'
import { afterAll, beforeAll, describe } from 'vitest'
import { RedisWebhookQueue } from '../../../../../server/realtime/webhooks/redis-queue'
import { startRedis } from '../../../../support/redis-process'
import type { RedisProcess } from '../../../../support/redis-process'
import { webhookQueueContract } from '../../../../support/webhook-queue-contract'

describe('Redis webhook queue', () => {
  let redis: RedisProcess
  let queue: RedisWebhookQueue
  let admin: Redis
  beforeAll(async () => {
    redis = await startRedis()
    queue = new RedisWebhookQueue(redis.url, 'test-app')
    admin = new Redis(redis.url)
  }, 30_000)
  afterAll(async () => {
    await queue?.close()
    await admin?.quit()
    await redis?.dispose()
  })

  webhookQueueContract(() => queue, async () => {
    await admin.flushall()
  })
})
