// What webhook tests share: the server environment naming the receivers, and subscribing a pusher-js client.
import type PusherJs from 'pusher-js'
import type { Channel } from 'pusher-js'
import type { WebhookReceiver as ReceiverConfig } from '../../server/realtime/webhooks/webhook-config'
import { WEBHOOK_EVENT_TYPES } from '../../server/realtime/webhooks/webhook-config'

/** LOOKOUT_WEBHOOKS for these receivers (every event type unless given). */
export function webhooksEnv(receivers: Array<Partial<ReceiverConfig> & { url: string }>, batchMs = 0): Record<string, string> {
  const full = receivers.map(receiver => ({ event_types: [...WEBHOOK_EVENT_TYPES], ...receiver }))
  return { LOOKOUT_WEBHOOKS: JSON.stringify(full), LOOKOUT_WEBHOOK_BATCH_MS: String(batchMs) }
}

/** Subscribes and resolves on `pusher:subscription_succeeded` (rejects after 10 s). */
export function subscribed(pusher: PusherJs, name: string): Promise<Channel> {
  const channel = pusher.subscribe(name)
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no subscription to ${name} within 10 s`)), 10_000)
    channel.bind('pusher:subscription_succeeded', () => {
      clearTimeout(timer)
      resolve(channel)
    })
  })
}
