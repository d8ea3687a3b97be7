// Every channel the page listens to: reference-counted subscribers, in-order delivery without duplicates,
// catch-up after a reconnect, polling while the socket is down, gap notices when history ran out, and which
// channels are ready: confirmed by the server (or, without a socket, positioned by a poll) so snapshots load after.
import type { HistoryPage } from '#shared/realtime-protocol'
import { eventMeta, OffsetTracker } from './offset-tracker'
import type { StreamPosition } from './offset-tracker'

export interface PusherChannelLike {
  bind_global: (callback: (event: string, data: unknown) => void) => unknown
  /** pusher-js keeps the member list of presence channels here. */
  members?: { members: Record<string, unknown> }
}

/** Presence notices pusher-js emits; subscribers that name one of them get it as it comes (no offsets). */
export const PRESENCE_EVENTS = ['pusher:subscription_succeeded', 'pusher:member_added', 'pusher:member_removed'] as const

export interface PusherLike {
  subscribe: (name: string) => PusherChannelLike
  unsubscribe: (name: string) => void
}

export type EventHandler = (data: unknown, event: string) => void
export type RecoveryOutcome = 'replayed' | 'gap' | 'failed'

export interface RegistryDeps {
  fetchHistory: (channel: string, after: number, epoch: string | undefined) => Promise<HistoryPage>
  now?: () => number
  /** Milliseconds from the server's send to the handler, for events that carry a send time. */
  onDelivered?: (latencyMs: number) => void
  onRecovery?: (channel: string, outcome: RecoveryOutcome, events: number) => void
  /** The number of channels awaiting the server's confirmation changed. */
  onPendingChange?: () => void
}

/** Position asked for when only the channel's current position is wanted (no events). */
const CURRENT_POSITION = Number.MAX_SAFE_INTEGER

interface Subscriber {
  event: string
  handler: EventHandler
  tag: string
  onGap?: () => void
  /** Called once, when the channel is first ready for this subscriber. */
  onReady?: () => void
}

interface Entry {
  name: string
  subscribers: Map<number, Subscriber>
  lastEventAt: number | null
  /** Live events held back while missed ones are fetched, so they are applied in order. */
  held: Array<[string, unknown]> | null
  /** Recoveries (catch-ups, polls) still to finish; live events are held until it is 0. */
  recoveries: number
  /** The chain recoveries run on, one after another, each from where the previous one left off. */
  queue: Promise<unknown>
  /** The pusher-js channel, once joined. */
  joined: PusherChannelLike | null
  /** The server answered the subscription (confirmed or refused) on the current connection. */
  settled: boolean
  /** The stream position is known (a confirmation or a poll): events from here on are not missed. */
  ready: boolean
}

export interface ChannelDiagnostics {
  channel: string
  subscribers: Array<{ tag: string, event: string }>
  lastEventAt: number | null
  position: StreamPosition | null
}

export class ChannelRegistry {
  private readonly entries = new Map<string, Entry>()
  private readonly offsets = new OffsetTracker()
  private pusher: PusherLike | null = null
  private nextId = 1
  private readonly now: () => number

  constructor(private readonly deps: RegistryDeps) {
    this.now = deps.now ?? Date.now
  }

  /** Uses a (new) pusher-js instance and subscribes it to every channel in use. */
  attach(pusher: PusherLike): void {
    this.pusher = pusher
    for (const entry of this.entries.values()) this.bindChannel(entry)
  }

  /** Adds a subscriber; the channel is joined on its first subscriber. Returns the unsubscribe function. */
  subscribe(channel: string, event: string, handler: EventHandler, options: { tag: string, onGap?: () => void, onReady?: () => void }): () => void {
    let entry = this.entries.get(channel)
    if (!entry) {
      entry = { name: channel, subscribers: new Map(), lastEventAt: null, held: null, recoveries: 0, queue: Promise.resolve(), joined: null, settled: false, ready: false }
      this.entries.set(channel, entry)
      if (this.pusher) this.bindChannel(entry)
      this.deps.onPendingChange?.()
    }
    const id = this.nextId++
    // A channel already ready misses nothing from here on: the subscriber may load at once.
    entry.subscribers.set(id, { event, handler, tag: options.tag, onGap: options.onGap, onReady: entry.ready ? undefined : options.onReady })
    if (entry.ready) options.onReady?.()
    return () => this.unsubscribe(channel, id)
  }

  /** The server confirmed a subscription: remember the position, or catch up with what was missed. */
  async subscribed(channel: string, position: StreamPosition | undefined): Promise<void> {
    const entry = this.entries.get(channel)
    if (!entry) return
    this.settle(entry)
    if (!position) return this.markReady(entry)
    await this.recover(entry, async () => {
      const known = this.offsets.position(channel)
      if (!known) return this.offsets.reset(channel, position)
      if (known.epoch !== position.epoch) return this.gap(entry, position)
      if (position.offset > known.offset) await this.catchUp(entry, known)
    })
    this.markReady(entry)
  }

  /** The socket is gone: every channel must be confirmed again on the next connection. */
  disconnected(): void {
    for (const entry of this.entries.values()) entry.settled = false
    this.deps.onPendingChange?.()
  }

  /** Channels the server has not answered on the current connection. */
  pendingCount(): number {
    return [...this.entries.values()].filter(entry => !entry.settled).length
  }

  /**
   * One round of fallback polling; false when the server could not be reached. A channel never confirmed
   * (the socket never connected) first learns its current position, so it is ready and later polls catch up.
   */
  async poll(): Promise<boolean> {
    let ok = true
    for (const entry of [...this.entries.values()]) {
      if (entry.recoveries > 0) continue
      const known = this.offsets.position(entry.name)
      ok = await this.recover(entry, () => (known ? this.catchUp(entry, known) : this.locate(entry))) && ok
    }
    return ok
  }

  /** The members of a joined presence channel by user id (empty until the server confirmed it). */
  presenceMembers(channel: string): Record<string, unknown> {
    return { ...this.entries.get(channel)?.joined?.members?.members }
  }

  /** Active channels with their subscribers, for diagnostics. */
  diagnostics(): ChannelDiagnostics[] {
    return [...this.entries.values()].map(entry => ({
      channel: entry.name,
      subscribers: [...entry.subscribers.values()].map(({ tag, event }) => ({ tag, event })),
      lastEventAt: entry.lastEventAt,
      position: this.offsets.position(entry.name) ?? null,
    }))
  }

  private unsubscribe(channel: string, id: number): void {
    const entry = this.entries.get(channel)
    if (!entry?.subscribers.delete(id) || entry.subscribers.size > 0) return
    this.entries.delete(channel)
    this.offsets.forget(channel)
    this.pusher?.unsubscribe(channel)
    this.deps.onPendingChange?.()
  }

  private settle(entry: Entry): void {
    entry.settled = true
    this.deps.onPendingChange?.()
  }

  /** The channel's position is known: subscribers waiting for it may load their snapshot now. */
  private markReady(entry: Entry): void {
    entry.ready = true
    for (const subscriber of [...entry.subscribers.values()]) {
      const onReady = subscriber.onReady
      subscriber.onReady = undefined
      onReady?.()
    }
  }

  /** Learns where a channel's stream stands without a socket; false on failure. */
  private async locate(entry: Entry): Promise<boolean> {
    try {
      const page = await this.deps.fetchHistory(entry.name, CURRENT_POSITION, undefined)
      if (!this.offsets.position(entry.name)) this.offsets.reset(entry.name, { epoch: page.epoch, offset: page.offset })
      this.markReady(entry)
      return true
    }
    catch {
      return false
    }
  }

  private bindChannel(entry: Entry): void {
    entry.settled = false
    entry.joined = this.pusher!.subscribe(entry.name)
    entry.joined.bind_global((event: string, data: unknown) => {
      if (event === 'pusher:subscription_error') {
        // Refused (403): the store's REST load says why; the page must not wait for it to be live.
        this.settle(entry)
        return this.markReady(entry)
      }
      if ((PRESENCE_EVENTS as readonly string[]).includes(event)) return this.notifyPresence(entry, event, data)
      if (event.startsWith('pusher:') || event.startsWith('pusher_internal:')) return
      if (entry.held) entry.held.push([event, data])
      else this.deliver(entry, event, data)
    })
  }

  private notifyPresence(entry: Entry, event: string, data: unknown): void {
    for (const subscriber of [...entry.subscribers.values()]) {
      if (subscriber.event === event) subscriber.handler(data, event)
    }
  }

  /** Applies one event unless it was applied before (same offset from socket, poll or catch-up). */
  private deliver(entry: Entry, event: string, data: unknown): void {
    const meta = eventMeta(data)
    if (meta && !this.offsets.accept(entry.name, meta.offset)) return
    const now = this.now()
    entry.lastEventAt = now
    if (typeof meta?.sent_at === 'number') this.deps.onDelivered?.(Math.max(0, now - meta.sent_at))
    for (const subscriber of [...entry.subscribers.values()]) {
      if (subscriber.event === event) subscriber.handler(data, event)
    }
  }

  /**
   * Runs a recovery after the ones already queued for the channel. Live events are held from this
   * moment (not from when it starts) so none can overtake the events it will fetch.
   */
  private recover<T>(entry: Entry, work: () => Promise<T>): Promise<T> {
    entry.recoveries += 1
    entry.held ??= []
    const run = entry.queue.then(work).finally(() => {
      entry.recoveries -= 1
      if (entry.recoveries > 0) return
      const held = entry.held ?? []
      entry.held = null
      for (const [event, data] of held) this.deliver(entry, event, data)
    })
    entry.queue = run.catch(() => undefined)
    return run
  }

  /** Fetches and applies the events after `from`; false on failure. */
  private async catchUp(entry: Entry, from: StreamPosition): Promise<boolean> {
    try {
      const page = await this.deps.fetchHistory(entry.name, from.offset, from.epoch)
      if (page.gap) {
        this.gap(entry, { epoch: page.epoch, offset: page.offset })
      }
      else {
        for (const event of page.events) this.deliver(entry, event.event, parseData(event.data))
        if (page.events.length > 0) this.deps.onRecovery?.(entry.name, 'replayed', page.events.length)
      }
      return true
    }
    catch {
      this.deps.onRecovery?.(entry.name, 'failed', 0)
      return false
    }
  }

  /** Missed events are gone: continue from `position` and tell subscribers to reload their snapshot. */
  private gap(entry: Entry, position: StreamPosition): void {
    this.offsets.reset(entry.name, position)
    this.deps.onRecovery?.(entry.name, 'gap', 0)
    for (const subscriber of [...entry.subscribers.values()]) subscriber.onGap?.()
  }
}

/** Event data as pusher-js hands it over: parsed JSON, or the string itself. */
function parseData(data: string): unknown {
  try {
    return JSON.parse(data)
  }
  catch {
    return data
  }
}
