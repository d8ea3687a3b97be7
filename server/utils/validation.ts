// Validation at the HTTP edge: zod schemas, answered with a 4xx that names the offending field.
import type { H3Event } from 'h3'
import { createError, getQuery, getRouterParam, readBody } from 'h3'
import type { z } from 'zod'
import type { Actor } from '../auth/actor'
import { isDatabaseId, MAX_DATABASE_ID } from '../db/ids'
import type { ServerLocale } from '../i18n/locales'
import { readerLocale } from '../i18n/reader-locale'
import { renderMessage } from '../i18n/render-message'
import type { ValidationCode } from '../i18n/validation-message'
import { validationCode } from '../i18n/validation-message'
import { readBodyUpTo } from './request-body'

/** A refused field's text for the request's reader: zod's own English, else the catalogue's text for its code. */
function issueText(locale: ServerLocale, issue: z.core.$ZodIssue, coded: ValidationCode): string {
  return locale === 'en' ? issue.message : renderMessage(locale, { code: coded.code, params: coded.params, text: issue.message })
}

/**
 * Throws the 4xx of a failed parse: `field: message` with the message in the reader's language (the status line
 * stays English), and `data` with the field, the message's `code` and `params` (for forms to show it in their
 * language) and every issue alike.
 */
function fail(event: H3Event, statusCode: number, error: z.ZodError): never {
  const locale = readerLocale(event, (event.context.actor as Actor | null | undefined) ?? null)
  const issues = error.issues.map((issue) => {
    const coded = validationCode(issue)
    return { field: issue.path.join('.') || 'body', message: issueText(locale, issue, coded), code: coded.code, params: coded.params }
  })
  const first = issues[0]!
  throw createError({
    statusCode, statusMessage: `${first.field}: ${error.issues[0]!.message}`, message: `${first.field}: ${first.message}`,
    data: { field: first.field, code: first.code, params: first.params, issues },
  })
}

/** Largest body a REST or ingest request may send (413 beyond); a full ingest batch of 1000 items is a fraction of it. */
export const MAX_BODY_BYTES = 1_000_000

/** A cheaper check of a schema's common form: the schema's result when it can vouch for a body, else null. */
export type BodyShortcut<T> = (body: unknown) => T | null

/**
 * The request body checked against `schema` (JSON or form); 413 when too large, 400 when unreadable, 422 when invalid.
 * `shortcut`, when given, answers first for bodies it vouches for (large batches, where zod's copy is the cost).
 */
export async function validBody<T extends z.ZodType>(event: H3Event, schema: T, shortcut?: BodyShortcut<z.infer<T>>): Promise<z.infer<T>> {
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
  const vouched = shortcut?.(body ?? {})
  if (vouched) return vouched
  const result = schema.safeParse(body ?? {})
  if (!result.success) fail(event, 422, result.error)
  return result.data
}

/** The query string checked against `schema`; 400 when invalid (newer routes answer 422, like bodies). */
export function validQuery<T extends z.ZodType>(event: H3Event, schema: T, statusCode = 400): z.infer<T> {
  const result = schema.safeParse(getQuery(event))
  if (!result.success) fail(event, statusCode, result.error)
  return result.data
}

/** A database id (positive 32-bit integer) route parameter; 400 naming it otherwise. */
export function idParam(event: H3Event, name: string): number {
  const value = Number(getRouterParam(event, name))
  if (!isDatabaseId(value)) throw createError({ statusCode: 400, statusMessage: `${name}: must be an integer from 1 to ${MAX_DATABASE_ID}` })
  return value
}
