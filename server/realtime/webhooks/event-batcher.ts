// Gathers webhook events for a window (LOOKOUT_WEBHOOK_BATCH_MS) before they are queued; 0 passes each on at once.
import type { WebhookEvent } from './webhook-event'

export class EventBatcher {
  private events: WebhookEvent[] = []
  private timer: NodeJS.Timeout | null = null

  constructor(private readonly windowMs: number, private readonly flush: (events: WebhookEvent[]) => void) {}

  /** Adds an event to the current batch (or hands it on alone when batching is off). */
  add(event: WebhookEvent): void {
    if (this.windowMs === 0) return this.flush([event])
    this.events.push(event)
    this.timer ??= setTimeout(() => this.drain(), this.windowMs)
  }

  /** Hands on what is gathered now. */
  drain(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.events.length === 0) return
    const events = this.events
    this.events = []
    this.flush(events)
  }
}
