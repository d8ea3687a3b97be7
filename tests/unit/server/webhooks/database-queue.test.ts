import { afterAll, beforeAll, describe } from 'vitest'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { webhookDeliveries } from '../../../../server/db/schema'
import { DatabaseWebhookQueue } from '../../../../server/webhooks/database-queue'
import { webhookQueueContract } from '../../../support/webhook-queue-contract'
import { createEmptyDatabase } from '../test-database'

describe('database webhook queue', () => {
  let handle: DatabaseHandle
  let queue: DatabaseWebhookQueue
  beforeAll(async () => {
    handle = await createEmptyDatabase()
    queue = new DatabaseWebhookQueue(Promise.resolve(handle.db))
  }, 30_000)
  afterAll(async () => {
    await handle?.close()
  })

  webhookQueueContract(() => queue, async () => {
    await handle.db.delete(webhookDeliveries)
  })
})
