// A domain context for tests: a real database, a broadcaster that records, and a clock the test moves;
// plus running a service the way its route does, and catching the DomainError it refuses with.
import { expect } from 'vitest'
import type { Database, DatabaseHandle } from '../../../../server/db/connection'
import type { Broadcaster, DomainContext, DomainSettings } from '../../../../server/domain/context'
import { DomainError } from '../../../../server/domain/errors'
import type { IngestOutcome } from '../../../../server/domain/ingest-outcome'

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
    settings: { telemetryBatchMs: 500, positionBatchMs: 500, commandTimeoutSeconds: 30, retentionDays: 30, retentionDaysDownsampled: 400, ...settings },
  }
}

/** Runs `work` in one transaction and, once it committed, sends its broadcasts (as the routes do); returns its answer. */
export async function commitThenAnnounce<R>(ctx: DomainContext, work: (tx: Database) => Promise<IngestOutcome<R>>): Promise<R> {
  const outcome = await ctx.db.transaction(tx => work(tx))
  outcome.announce(ctx)
  return outcome.response
}

/** The DomainError `work` rejects with (with HTTP `status`, when given); fails the test on anything else. */
export async function rejection(work: Promise<unknown>, status?: number): Promise<DomainError> {
  const error = await work.then(() => null, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(DomainError)
  if (status !== undefined) expect((error as DomainError).status).toBe(status)
  return error as DomainError
}
