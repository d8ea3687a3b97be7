// Turns an app's cluster changes and activity into queued webhook deliveries, one body per receiver and batch.
import type { AppActivity, AppActivityEvent } from '../app-activity'
import type { RealtimeApp } from '../app-config'
import type { Broker, ClusterChange } from '../broker'
import { EventBatcher } from './event-batcher'
import { eventsFor } from './receiver-filter'
import { VacancyGrace } from './vacancy-grace'
import type { WebhookSettings } from './webhook-config'
import type { WebhookEvent } from './webhook-event'
import { activityEvent, changeEvent } from './webhook-event'
import type { WebhookQueue } from './webhook-queue'
import { webhookBody } from './webhook-request'

/** A vacated channel re-occupied within this time reports neither change (and vacated still goes out well within 5 s). */
export const VACANCY_GRACE_MS = 1_500

/** Subscription count changes of a channel within this time are reported once, with the count at its end. */
const COUNT_COALESCE_MS = 100

export class WebhookFeed {
  private readonly batcher: EventBatcher
  private readonly grace: VacancyGrace
  private readonly wanted: Set<string>
  private readonly countsDue = new Set<string>()
  private countTimer: NodeJS.Timeout | null = null
  private readonly writes = new Set<Promise<void>>()
  private stopListening: Array<() => void> = []

  constructor(
    private readonly state: { app: RealtimeApp, broker: Broker, activity: AppActivity },
    private readonly settings: WebhookSettings,
    private readonly queue: WebhookQueue,
    /** Called once deliveries are stored, so the dispatcher sends them at once. */
    private readonly onQueued: () => void,
  ) {
    this.wanted = new Set(settings.receivers.flatMap(receiver => receiver.event_types))
    this.batcher = new EventBatcher(settings.batchMs, events => this.store(events))
    this.grace = new VacancyGrace(VACANCY_GRACE_MS, (name, channel) => this.batcher.add({ name, channel }))
  }

  /** Starts listening to the broker's cluster changes and the app's activity. */
  start(): void {
    this.stopListening = [
      this.state.broker.onChange(change => this.change(change)),
      this.state.activity.listen(event => this.activity(event)),
    ]
  }

  /** Stops listening and stores what is held (batch, pending vacancies); resolves once it is stored. */
  async stop(): Promise<void> {
    for (const stop of this.stopListening) stop()
    this.stopListening = []
    if (this.countTimer) clearTimeout(this.countTimer)
    this.grace.flush()
    this.batcher.drain()
    await Promise.all(this.writes)
  }

  private change(change: ClusterChange): void {
    if (!this.wanted.has(change.name)) return
    if (change.name === 'channel_occupied') return this.grace.occupied(change.channel)
    if (change.name === 'channel_vacated') return this.grace.vacated(change.channel)
    this.batcher.add(changeEvent(change))
  }

  private activity(event: AppActivityEvent): void {
    if (!this.wanted.has(event.name)) return
    if (event.name !== 'subscription_count') return this.batcher.add(activityEvent(event))
    this.countsDue.add(event.channel)
    this.countTimer ??= setTimeout(() => void this.reportCounts(), COUNT_COALESCE_MS)
  }

  /** Subscription counts as the broker knows them (the whole cluster's with Redis). */
  private async reportCounts(): Promise<void> {
    this.countTimer = null
    const channels = [...this.countsDue]
    this.countsDue.clear()
    const { subscriptions } = await this.state.broker.occupancy()
    for (const channel of channels) this.batcher.add({ name: 'subscription_count', channel, subscription_count: subscriptions.get(channel) ?? 0 })
  }

  private store(events: WebhookEvent[]): void {
    const now = Date.now()
    const deliveries = this.settings.receivers.flatMap((receiver) => {
      const own = eventsFor(receiver, events)
      return own.length > 0 ? [{ url: receiver.url, body: webhookBody(own, now) }] : []
    })
    if (deliveries.length === 0) return
    const write = this.queue.enqueue(deliveries, now).then(this.onQueued, (error: Error) => {
      console.error(`[lookout] webhooks: could not queue ${deliveries.length} deliveries: ${error.message}`)
    })
    this.writes.add(write)
    void write.finally(() => this.writes.delete(write))
  }
}
