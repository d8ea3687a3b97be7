// The process's webhook sender, when LOOKOUT_WEBHOOKS configures receivers: its metrics and queue for the system page.
import type { WebhookMetrics } from '../realtime/webhooks/webhook-metrics'
import type { WebhookQueue } from '../realtime/webhooks/webhook-queue'

export interface WebhookRuntime {
  receivers: number
  metrics: WebhookMetrics
  queue: WebhookQueue
}

let runtime: WebhookRuntime | null = null

/** Records the running webhook sender (the webhooks plugin does, once the database is open). */
export function setWebhookRuntime(value: WebhookRuntime | null): void {
  runtime = value
}

/** The running webhook sender, or null when no receivers are configured. */
export function useWebhookRuntime(): WebhookRuntime | null {
  return runtime
}
