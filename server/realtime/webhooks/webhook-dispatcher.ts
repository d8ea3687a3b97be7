// Sends queued deliveries: a 2xx removes one, anything else retries it with backoff until the retry window ends.
import type { WebhookReceiver } from './webhook-config'
import type { WebhookMetrics } from './webhook-metrics'
import type { Delivery, WebhookQueue } from './webhook-queue'
import { webhookHeaders } from './webhook-request'
import { retriesExhausted, retryDelay } from './retry-schedule'

export interface DispatcherOptions {
  /** How often the queue is looked at when nothing wakes the dispatcher. */
  pollMs: number
  /** How long one request may take before it counts as failed. */
  timeoutMs: number
}

const CLAIM_LIMIT = 50

export class WebhookDispatcher {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again = false

  constructor(
    private readonly queue: WebhookQueue,
    private readonly app: { key: string, secret: string },
    private readonly receivers: WebhookReceiver[],
    private readonly metrics: WebhookMetrics,
    private readonly options: DispatcherOptions = { pollMs: 500, timeoutMs: 10_000 },
  ) {}

  /** Starts looking at the queue periodically (what a previous run left is sent first). */
  start(): void {
    this.timer ??= setInterval(() => this.wake(), this.options.pollMs)
    this.wake()
  }

  /** Looks at the queue now (new deliveries were queued); never runs two passes at once. */
  wake(): void {
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.pass().catch(error => console.error(`[lookout] webhooks: ${(error as Error).message}`)).finally(() => {
      this.running = null
      if (this.again && this.timer) {
        this.again = false
        this.wake()
      }
    })
  }

  /** Stops, letting the requests in flight finish and their outcome be recorded. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running
  }

  private async pass(): Promise<void> {
    // The lease outlasts a request, so no other pass or node sends the same delivery meanwhile.
    const due = await this.queue.claim(Date.now(), CLAIM_LIMIT, this.options.timeoutMs * CLAIM_LIMIT)
    // One receiver's deliveries go one after another, in the order they were queued; receivers in parallel.
    const byReceiver = new Map<string, Delivery[]>()
    for (const delivery of due) byReceiver.set(delivery.url, [...byReceiver.get(delivery.url) ?? [], delivery])
    await Promise.all([...byReceiver.values()].map(async (deliveries) => {
      for (const delivery of deliveries) await this.send(delivery)
    }))
  }

  private async send(delivery: Delivery): Promise<void> {
    const receiver = this.receivers.find(candidate => candidate.url === delivery.url)
    if (!receiver) {
      this.metrics.failed.inc()
      return this.queue.remove(delivery.id)
    }
    const status = await this.post(receiver, delivery.body)
    if (status >= 200 && status < 300) {
      this.metrics.sent.inc()
      return this.queue.remove(delivery.id)
    }
    const now = Date.now()
    if (retriesExhausted(delivery.createdAt, now)) {
      this.metrics.failed.inc()
      console.error(`[lookout] webhooks: gave up on a delivery to ${receiver.url} after ${delivery.attempts + 1} attempts`)
      return this.queue.remove(delivery.id)
    }
    this.metrics.retried.inc()
    await this.queue.retryAt(delivery.id, delivery.attempts + 1, now + retryDelay(delivery.attempts + 1))
  }

  /** The receiver's HTTP status, or 0 when it could not be reached in time. */
  private async post(receiver: WebhookReceiver, body: string): Promise<number> {
    try {
      const response = await fetch(receiver.url, {
        method: 'POST',
        body,
        headers: webhookHeaders(this.app, body, receiver.headers),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
      })
      await response.body?.cancel()
      return response.status
    }
    catch {
      return 0
    }
  }
}
