// Webhook counters for /metrics and the system page: sent, given up, retried, and the queue's length.
import { Counter, Gauge } from 'prom-client'
import type { Registry } from 'prom-client'
import type { WebhookQueue } from './webhook-queue'

export class WebhookMetrics {
  readonly sent: Counter
  readonly failed: Counter
  readonly retried: Counter

  constructor(registry: Registry, queue: WebhookQueue) {
    this.sent = new Counter({ name: 'lookout_webhooks_sent_total', help: 'Webhook requests a receiver acknowledged with 2xx', registers: [registry] })
    this.failed = new Counter({ name: 'lookout_webhooks_failed_total', help: 'Webhook requests given up after retrying for the retry window (or whose receiver was removed)', registers: [registry] })
    this.retried = new Counter({ name: 'lookout_webhooks_retried_total', help: 'Failed webhook attempts (non-2xx, timeout, unreachable) scheduled again', registers: [registry] })
    // Read from the queue when scraped, so every node reports the persistent queue as it is.
    new Gauge({
      name: 'lookout_webhooks_queue_length',
      help: 'Webhook requests waiting to be sent or retried',
      registers: [registry],
      async collect() {
        this.set(await queue.length())
      },
    })
  }
}
