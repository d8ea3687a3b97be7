// Defines a device ingest route: Bearer token with the `ingest` ability, zod validation, one transaction,
// Idempotency-Key, broadcasts only after the data is committed, and 503 + Retry-After while the database is down.
import type { z } from 'zod'
import type { Database } from '../db/connection'
import type { DomainContext } from '../domain/context'
import type { IngestOutcome } from '../domain/ingest-outcome'
import { runOncePerKey } from '../ingest/idempotency'

type Ingest<I, R> = (ctx: DomainContext, tx: Database, tenantId: number, input: I) => Promise<IngestOutcome<R>>

/** An event handler running `ingest` for the token's tenant; answers 201 with its response. */
export function defineIngestHandler<S extends z.ZodType, R>(schema: S, ingest: Ingest<z.infer<S>, R>) {
  return defineEventHandler(event => databaseCall(event, async () => {
    const actor = await useActor(event, 'ingest')
    const input = await validBody(event, schema)
    const ctx = await useDomain()
    // The path is part of what a key stands for: one key reused for another command is another request.
    let announce: ((ctx: DomainContext) => void) | null = null
    const answer = await domainCall(() => ctx.db.transaction(tx => runOncePerKey(tx, actor.user.tenantId, getRequestHeader(event, 'idempotency-key'), { path: getRequestURL(event).pathname, input }, async () => {
      const outcome = await ingest(ctx, tx, actor.user.tenantId, input)
      announce = outcome.announce
      return { status: 201, body: outcome.response }
    })))
    ;(announce as ((ctx: DomainContext) => void) | null)?.(ctx)
    setResponseStatus(event, answer.status)
    if (answer.replayed) setResponseHeader(event, 'idempotency-replayed', 'true')
    return answer.body
  }))
}
