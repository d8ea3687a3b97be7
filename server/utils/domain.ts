// The domain context of this process: the database, broadcasts through the realtime engine, the clock.
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
    if (error instanceof DomainError) throw createError({ statusCode: error.status, statusMessage: error.message, data: { field: error.field } })
    throw error
  }
}
