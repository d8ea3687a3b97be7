// A domain context for tests: a real database, a broadcaster that records, and a clock the test moves.
import type { DatabaseHandle } from '../../../../server/db/connection'
import type { Broadcaster, DomainContext, DomainSettings } from '../../../../server/domain/context'

export interface Broadcast {
  channels: string[]
  event: string
  payload: unknown
}

/** Records every broadcast, in order. */
export class RecordingBroadcaster implements Broadcaster {
  readonly sent: Broadcast[] = []

  broadcast(channels: string[], event: string, payload: unknown): void {
    this.sent.push({ channels, event, payload })
  }

  /** Broadcasts of one event name. */
  of(event: string): Broadcast[] {
    return this.sent.filter(item => item.event === event)
  }

  clear(): void {
    this.sent.length = 0
  }
}

export interface TestContext extends DomainContext {
  broadcaster: RecordingBroadcaster
  /** Moves the test clock forward. */
  advance: (ms: number) => void
}

/** A context on `handle` with a recording broadcaster and a clock starting at `start`. */
export function testContext(handle: DatabaseHandle, settings: Partial<DomainSettings> = {}, start = new Date('2026-06-01T08:00:00Z')): TestContext {
  let now = start.getTime()
  return {
    db: handle.db,
    broadcaster: new RecordingBroadcaster(),
    now: () => new Date(now),
    advance: (ms) => { now += ms },
    settings: { telemetryBatchMs: 500, positionBatchMs: 500, commandTimeoutSeconds: 30, retentionDays: 30, ...settings },
  }
}
