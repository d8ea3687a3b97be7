// Defines a device ingest route: Bearer token with the `ingest` ability, zod validation, one transaction,
// Idempotency-Key, broadcasts only after the data is committed, and 503 + Retry-After while the database is down.
import type { z } from 'zod'
import type { Ingest } from '../ingest/run-ingest'
import { runIngest } from '../ingest/run-ingest'
import { runOncePerKey } from '../ingest/idempotency'

/** An event handler running `ingest` for the token's tenant; answers 201 with its response. */
export function defineIngestHandler<S extends z.ZodType, R>(schema: S, ingest: Ingest<z.infer<S>, R>) {
  return defineEventHandler(event => databaseCall(event, async () => {
    const actor = await useActor(event, 'ingest')
    const input = await validBody(event, schema)
    const ctx = await useDomain()
    const key = getRequestHeader(event, 'idempotency-key')
    // The path is part of what a key stands for: one key reused for another command is another request.
    const request = { path: getRequestURL(event).pathname, input }
    const answer = await domainCall(() => runIngest(ctx, actor.user.tenantId, ingest, input, (tx, work) =>
      runOncePerKey(tx, actor.user.tenantId, key, request, async () => ({ status: 201, body: await work() }))))
    setResponseStatus(event, answer.status)
    if (answer.replayed) setResponseHeader(event, 'idempotency-replayed', 'true')
    return answer.body
  }))
}
