// The domain context of this process: the database, broadcasts through the realtime engine, the clock.
import type { H3Event } from 'h3'
import { isDatabaseUnavailable } from '../db/unavailable'
import type { DomainContext } from '../domain/context'
import { domainSettings } from '../domain/context'
import { DomainError } from '../domain/errors'

let settings: DomainContext['settings'] | null = null

/** The domain context for a request or a background job. */
export async function useDomain(): Promise<DomainContext> {
  settings ??= domainSettings(process.env)
  return { db: await useDatabase(), broadcaster: { broadcast }, now: () => new Date(), settings }
}

/** Runs domain code, turning its DomainErrors into HTTP errors that name the field. */
export async function domainCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  }
  catch (error) {
    if (error instanceof DomainError) throw createError({ statusCode: error.status, statusMessage: error.message, data: { field: error.field, ...(error.refusal && { code: error.refusal.code, params: error.refusal.params ?? {} }) } })
    throw error
  }
}

/** Seconds a client is asked to wait before retrying while the database cannot be reached. */
const DATABASE_RETRY_AFTER_SECONDS = 5

/** Runs a request's work; an unreachable database answers 503 with Retry-After (devices retry later), not 500. */
export async function databaseCall<T>(event: H3Event, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  }
  catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    setResponseHeader(event, 'retry-after', DATABASE_RETRY_AFTER_SECONDS)
    throw createError({ statusCode: 503, statusMessage: 'The database is unavailable: retry later' })
  }
}
