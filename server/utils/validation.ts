// Validation at the HTTP edge: zod schemas, answered with a 4xx that names the offending field.
import type { H3Event } from 'h3'
import { createError, getQuery, getRouterParam, readBody } from 'h3'
import type { z } from 'zod'
import { isDatabaseId, MAX_DATABASE_ID } from '../db/ids'

function fail(statusCode: number, error: z.ZodError): never {
  const issue = error.issues[0]!
  const field = issue.path.join('.') || 'body'
  throw createError({ statusCode, statusMessage: `${field}: ${issue.message}`, data: { field, issues: error.issues.map(item => ({ field: item.path.join('.'), message: item.message })) } })
}

/** The request body checked against `schema` (JSON or form); 400 when unreadable, 422 when invalid. */
export async function validBody<T extends z.ZodType>(event: H3Event, schema: T): Promise<z.infer<T>> {
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

/** The query string checked against `schema`; 400 when invalid. */
export function validQuery<T extends z.ZodType>(event: H3Event, schema: T): z.infer<T> {
  const result = schema.safeParse(getQuery(event))
  if (!result.success) fail(400, result.error)
  return result.data
}

/** A database id (positive 32-bit integer) route parameter; 400 naming it otherwise. */
export function idParam(event: H3Event, name: string): number {
  const value = Number(getRouterParam(event, name))
  if (!isDatabaseId(value)) throw createError({ statusCode: 400, statusMessage: `${name}: must be an integer from 1 to ${MAX_DATABASE_ID}` })
  return value
}
