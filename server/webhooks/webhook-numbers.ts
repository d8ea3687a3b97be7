// The webhook sender's counters and queue length for the system page.
import type { WebhookNumbers } from '../../shared/webhook-numbers'
import type { WebhookRuntime } from '../utils/webhooks'

/** Reads the counters of this process and the persistent queue's length. */
export async function webhookNumbers(runtime: WebhookRuntime | null): Promise<WebhookNumbers | null> {
  if (!runtime) return null
  const total = async (counter: { get: () => Promise<{ values: Array<{ value: number }> }> }) => (await counter.get()).values.reduce((sum, value) => sum + value.value, 0)
  return {
    receivers: runtime.receivers,
    sent: await total(runtime.metrics.sent),
    failed: await total(runtime.metrics.failed),
    retried: await total(runtime.metrics.retried),
    queueLength: await runtime.queue.length(),
  }
}
