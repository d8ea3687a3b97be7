// Runs one device ingest, whatever the protocol it came by: one transaction, a once-only guard around the
// domain service, and the service's broadcasts sent only after the transaction committed.
import type { Database } from '../db/connection'
import type { DomainContext } from '../domain/context'
import type { IngestOutcome } from '../domain/ingest-outcome'

/** A domain ingest service: stores `input` for `tenantId` through `tx`. */
export type Ingest<I, R> = (ctx: DomainContext, tx: Database, tenantId: number, input: I) => Promise<IngestOutcome<R>>

/** Decides, inside the transaction, whether `work` runs (idempotency keys, MQTT redeliveries) and what is answered. */
export type OnceGuard<R, A> = (tx: Database, work: () => Promise<R>) => Promise<A>

/** Runs `ingest` on `input` in one transaction under `once`; broadcasts what it stored once committed. */
export async function runIngest<I, R, A>(ctx: DomainContext, tenantId: number, ingest: Ingest<I, R>, input: I, once: OnceGuard<R, A>): Promise<A> {
  let announce: ((ctx: DomainContext) => void) | null = null
  const answer = await ctx.db.transaction(tx => once(tx, async () => {
    const outcome = await ingest(ctx, tx, tenantId, input)
    announce = outcome.announce
    return outcome.response
  }))
  ;(announce as ((ctx: DomainContext) => void) | null)?.(ctx)
  return answer
}
