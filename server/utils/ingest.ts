// Defines a device ingest route: Bearer token with the `ingest` ability, zod validation, one transaction,
// Idempotency-Key, broadcasts only after the data is committed, and 503 + Retry-After while the database is down.
import type { H3Event } from 'h3'
import type { z } from 'zod'
import type { Ingest } from '../ingest/run-ingest'
import { runIngest } from '../ingest/run-ingest'
import { runOncePerKey } from '../ingest/idempotency'
import { recordIngest } from '../observability/ingest-metrics'
import type { BodyShortcut } from './validation'

/** An event handler running `ingest` for the token's tenant (body checked by `shortcut` first when given); answers 201 with its response. */
export function defineIngestHandler<S extends z.ZodType, R>(schema: S, ingest: Ingest<z.infer<S>, R>, shortcut?: BodyShortcut<z.infer<S>>) {
  const handle = (event: H3Event) => databaseCall(event, async () => {
    const actor = await useActor(event, 'ingest')
    const input = await validBody(event, schema, shortcut)
    const ctx = await useDomain()
    const key = getRequestHeader(event, 'idempotency-key')
    // The path is part of what a key stands for: one key reused for another command is another request.
    const request = { path: getRequestURL(event).pathname, input }
    const answer = await domainCall(() => runIngest(ctx, actor.user.tenantId, ingest, input, (tx, work) =>
      runOncePerKey(tx, actor.user.tenantId, key, request, async () => ({ status: 201, body: await work() }))))
    setResponseStatus(event, answer.status)
    if (answer.replayed) setResponseHeader(event, 'idempotency-replayed', 'true')
    return answer.body
  })
  return defineEventHandler(async (event) => {
    const started = performance.now()
    // Ids in the path (commands/12/status) would make a label per command.
    const kind = getRequestURL(event).pathname.replace(/^\/api\/ingest\//, '').replace(/\/\d+(?=\/|$)/g, '/:id')
    const seconds = () => (performance.now() - started) / 1000
    try {
      const body = await handle(event)
      recordIngest('http', kind, 'stored', seconds())
      return body
    }
    catch (error) {
      const status = (error as { statusCode?: number }).statusCode ?? 500
      recordIngest('http', kind, status < 500 ? 'refused' : 'failed', seconds())
      throw error
    }
  })
}
