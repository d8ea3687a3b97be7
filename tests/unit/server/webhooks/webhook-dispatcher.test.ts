// The dispatcher against a real receiver on loopback and the database queue: 2xx removes, failures retry.
import { Registry } from 'prom-client'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { webhookDeliveries } from '../../../../server/db/schema'
import { WebhookDispatcher } from '../../../../server/realtime/webhooks/webhook-dispatcher'
import { WebhookMetrics } from '../../../../server/realtime/webhooks/webhook-metrics'
import { webhookBody } from '../../../../server/realtime/webhooks/webhook-request'
import { DatabaseWebhookQueue } from '../../../../server/webhooks/database-queue'
import { waitFor } from '../../../support/clients'
import { TEST_APP } from '../../../support/server-process'
import { startWebhookReceiver } from '../../../support/webhook-receiver'
import type { WebhookReceiver } from '../../../support/webhook-receiver'
import { createEmptyDatabase } from '../test-database'

const APP = { key: TEST_APP.key, secret: TEST_APP.secret }

describe('webhook dispatcher', () => {
  let handle: DatabaseHandle
  let queue: DatabaseWebhookQueue
  let receiver: WebhookReceiver
  let metrics: WebhookMetrics
  let dispatcher: WebhookDispatcher
  beforeAll(async () => {
    handle = await createEmptyDatabase()
    queue = new DatabaseWebhookQueue(Promise.resolve(handle.db))
  }, 30_000)
  beforeEach(async () => {
    await handle.db.delete(webhookDeliveries)
    receiver = await startWebhookReceiver()
    metrics = new WebhookMetrics(new Registry(), queue)
    dispatcher = new WebhookDispatcher(queue, APP, [{ url: receiver.url, event_types: ['cache_miss'], headers: { 'X-Team': 'ops' } }], metrics, { pollMs: 50, timeoutMs: 2_000 })
  })
  afterEach(async () => {
    await dispatcher.stop()
    await receiver.close()
  })
  afterAll(async () => {
    await handle?.close()
  })

  const queueOne = (channel: string) => queue.enqueue([{ url: receiver.url, body: webhookBody([{ name: 'cache_miss', channel }], Date.now()) }], Date.now())
  const counted = async (counter: { get: () => Promise<{ values: Array<{ value: number }> }> }) => (await counter.get()).values[0]?.value ?? 0

  it('posts the queued body signed, with the receiver\'s headers, and forgets it after a 2xx', async () => {
    await queueOne('cache-a')
    dispatcher.start()
    await waitFor(() => receiver.accepted.length === 1, 10_000, 'the delivery')
    const [request] = receiver.accepted
    expect(request!.valid).toBe(true)
    expect(request!.events).toEqual([{ name: 'cache_miss', channel: 'cache-a' }])
    expect(request!.headers['content-type']).toBe('application/json')
    expect(request!.headers['x-team']).toBe('ops')
    await dispatcher.stop()
    expect(await queue.length()).toBe(0)
    expect(await counted(metrics.sent)).toBe(1)
  })

  it('retries a refused delivery with backoff until the receiver accepts it, sending it once after that', async () => {
    receiver.answer(503)
    await queueOne('cache-b')
    dispatcher.start()
    await waitFor(() => receiver.refused >= 2, 15_000, 'two refused attempts')
    receiver.answer(200)
    await waitFor(() => receiver.accepted.length === 1, 15_000, 'the accepted retry')
    expect(await counted(metrics.retried)).toBeGreaterThanOrEqual(2)
    await dispatcher.stop()
    expect(await queue.length()).toBe(0)
    expect(receiver.events()).toEqual([{ name: 'cache_miss', channel: 'cache-b' }])
  })

  it('retries while the receiver is unreachable and delivers once it listens again', async () => {
    await receiver.shut()
    await queueOne('cache-c')
    dispatcher.start()
    const failedAttempt = async () => (await counted(metrics.retried)) >= 1
    for (let tries = 0; tries < 100 && !await failedAttempt(); tries++) await new Promise(done => setTimeout(done, 100))
    expect(await failedAttempt()).toBe(true)
    expect(await queue.length()).toBe(1)
    await receiver.reopen()
    await waitFor(() => receiver.accepted.length === 1, 15_000, 'the delivery after the outage')
    expect(receiver.events()).toEqual([{ name: 'cache_miss', channel: 'cache-c' }])
  })
})
