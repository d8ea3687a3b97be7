// Starts the webhook sender when LOOKOUT_WEBHOOKS configures receivers. The file name sorts first so its
// close hook runs before the database plugin's: held events are stored and the outcome of requests in
// flight recorded while the database is still open (a 2xx not recorded would be sent again).
import { loadWebhookSettings } from '../realtime/webhooks/webhook-config'
import { WebhookDispatcher } from '../realtime/webhooks/webhook-dispatcher'
import { WebhookFeed } from '../realtime/webhooks/webhook-feed'
import { WebhookMetrics } from '../realtime/webhooks/webhook-metrics'
import { RedisWebhookQueue } from '../realtime/webhooks/redis-queue'
import { DatabaseWebhookQueue } from '../webhooks/database-queue'

export default defineNitroPlugin((nitroApp) => {
  let settings
  try {
    settings = loadWebhookSettings(process.env)
  }
  catch (error) {
    console.error(`[lookout] configuration error: ${(error as Error).message}`)
    process.exit(1)
  }
  if (settings.receivers.length === 0) return
  let state
  try {
    state = useRealtimeApp()
  }
  catch {
    return // the realtime plugin reports the configuration error and stops the server
  }
  // In cluster mode the queue lives in Redis, so any node sends what a node that is gone had queued.
  const redisQueue = process.env.REDIS_URL ? new RedisWebhookQueue(process.env.REDIS_URL, state.app.id) : null
  const queue = redisQueue ?? new DatabaseWebhookQueue(useDatabaseHandle().then(handle => handle.db))
  const metrics = new WebhookMetrics(useRealtimeEngine().metrics.registry, queue)
  const dispatcher = new WebhookDispatcher(queue, state.app, settings.receivers, metrics)
  // Listening starts with the engine, so no change is missed while the database opens; deliveries wait for it.
  const feed = new WebhookFeed(state, settings, queue, () => dispatcher.wake())
  feed.start()
  setWebhookRuntime({ receivers: settings.receivers.length, metrics, queue })
  if (redisQueue) dispatcher.start()
  else useDatabaseHandle().then(() => dispatcher.start(), () => undefined)
  console.log(`[lookout] webhooks: ${settings.receivers.length} receiver(s)${settings.batchMs > 0 ? `, batched every ${settings.batchMs} ms` : ''}`)
  nitroApp.hooks.hook('close', async () => {
    await feed.stop()
    await dispatcher.stop()
    await redisQueue?.close()
  })
})
