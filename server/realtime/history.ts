// Bounded per-channel event history with monotonically increasing offsets, for missed-event recovery.
import { randomBytes } from 'node:crypto'
import type { HistoryEvent, HistoryPage } from '../../shared/realtime-protocol'

interface ChannelLog {
  /** Names this log's offset sequence; a recreated log gets a new one, so old offsets are never reused. */
  epoch: string
  /** Offset given to the newest event (0 before the first). */
  offset: number
  events: HistoryEvent[]
  /** When the history route last read the log: a page polling without a socket keeps it, and so its epoch. */
  readAt: number
}

export class EventHistory {
  private readonly instance = randomBytes(6).toString('hex')
  private generation = 0
  private readonly logs = new Map<string, ChannelLog>()

  constructor(private readonly maxEvents: number, readonly maxAgeMs: number) {}

  /** Reserves the next offset of `channel`. */
  nextOffset(channel: string): number {
    const log = this.logFor(channel)
    log.offset += 1
    return log.offset
  }

  /** Stores an event under the offset reserved for it. */
  append(channel: string, event: HistoryEvent): void {
    const log = this.logFor(channel)
    log.events.push(event)
    if (log.events.length > this.maxEvents) log.events.shift()
  }

  /** Epoch and newest offset of a channel, as told to a new subscriber. */
  position(channel: string): { epoch: string, offset: number } {
    const log = this.logFor(channel)
    return { epoch: log.epoch, offset: log.offset }
  }

  /** Events after `after`, and whether some of them are no longer kept (or `epoch` is another log's). */
  since(channel: string, after: number, epoch: string | undefined, now: number = Date.now()): HistoryPage {
    const log = this.logFor(channel)
    log.readAt = now
    const page: HistoryPage = { channel, epoch: log.epoch, offset: log.offset, events: [], gap: false }
    if (epoch !== undefined && epoch !== log.epoch) return { ...page, gap: true }
    if (after >= log.offset) return page
    const fresh = log.events.filter(event => event.offset > after && now - event.sent_at <= this.maxAgeMs)
    const oldestKept = fresh[0]?.offset ?? log.offset + 1
    return { ...page, events: fresh, gap: oldestKept > after + 1 }
  }

  /**
   * Drops expired events, and forgets logs with nothing left unless `keep` says the channel is in
   * use or a poller read it within the history's age: a live subscriber, or a page polling because its
   * socket cannot connect, must never see its channel's offsets start again.
   */
  prune(keep: (channel: string) => boolean, now: number = Date.now()): void {
    for (const [channel, log] of this.logs) {
      const firstFresh = log.events.findIndex(event => now - event.sent_at <= this.maxAgeMs)
      if (firstFresh === -1) log.events.length = 0
      else if (firstFresh > 0) log.events.splice(0, firstFresh)
      if (log.events.length === 0 && !keep(channel) && now - log.readAt > this.maxAgeMs) this.logs.delete(channel)
    }
  }

  /** Number of channels with a log, for metrics. */
  get channelCount(): number {
    return this.logs.size
  }

  private logFor(channel: string): ChannelLog {
    let log = this.logs.get(channel)
    if (!log) {
      this.generation += 1
      log = { epoch: `${this.instance}.${this.generation}`, offset: 0, events: [], readAt: 0 }
      this.logs.set(channel, log)
    }
    return log
  }
}
