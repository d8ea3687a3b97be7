// Validation at the HTTP edge: zod schemas, answered with a 4xx that names the offending field.
import type { H3Event } from 'h3'
import { createError, getQuery, getRouterParam, readBody } from 'h3'
import type { z } from 'zod'
import { isDatabaseId, MAX_DATABASE_ID } from '../db/ids'
import { readBodyUpTo } from './request-body'

function fail(statusCode: number, error: z.ZodError): never {
  const issue = error.issues[0]!
  const field = issue.path.join('.') || 'body'
  throw createError({ statusCode, statusMessage: `${field}: ${issue.message}`, data: { field, issues: error.issues.map(item => ({ field: item.path.join('.'), message: item.message })) } })
}

/** Largest body a REST or ingest request may send (413 beyond); a full ingest batch of 1000 items is a fraction of it. */
export const MAX_BODY_BYTES = 1_000_000

/** The request body checked against `schema` (JSON or form); 413 when too large, 400 when unreadable, 422 when invalid. */
export async function validBody<T extends z.ZodType>(event: H3Event, schema: T): Promise<z.infer<T>> {
  // Network requests are read here, with the limit. In-process ones (nitroApp.localFetch: the simulator) carry
  // their body on the request object and never stream it; h3 takes it from there.
  if (event._requestBody === undefined && !('body' in event.node.req)) {
    const raw = await readBodyUpTo(event, MAX_BODY_BYTES)
    if (raw === null) throw createError({ statusCode: 413, statusMessage: `body: at most ${MAX_BODY_BYTES} bytes` })
    // h3 parses (JSON or form) the body it finds here instead of reading the request again.
    event._requestBody = raw
  }
  let body: unknown
  try {
    body = await readBody(event)
  }
  catch {
    throw createError({ statusCode: 400, statusMessage: 'body: not valid JSON or form data' })
  }
  const result = schema.safeParse(body ?? {})
  if (!result.success) fail(422, result.error)
  return result.data
}

/** The query string checked against `schema`; 400 when invalid (newer routes answer 422, like bodies). */
export function validQuery<T extends z.ZodType>(event: H3Event, schema: T, statusCode = 400): z.infer<T> {
  const result = schema.safeParse(getQuery(event))
  if (!result.success) fail(statusCode, result.error)
  return result.data
}

/** A database id (positive 32-bit integer) route parameter; 400 naming it otherwise. */
export function idParam(event: H3Event, name: string): number {
  const value = Number(getRouterParam(event, name))
  if (!isDatabaseId(value)) throw createError({ statusCode: 400, statusMessage: `${name}: must be an integer from 1 to ${MAX_DATABASE_ID}` })
  return value
}
