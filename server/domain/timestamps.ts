// The timestamps Lookout accepts: ISO 8601 with an offset, within bounds every database can store.
import { z } from 'zod'

// Zod runs these refinements even after the format check failed: an unparseable value is left to that check's message.

/** Nothing Lookout stores predates the Unix epoch. */
const EARLIEST = Date.parse('1970-01-01T00:00:00Z')
/** Queries may look ahead (a range ending in the future), but not past this. */
const LATEST_QUERY = Date.parse('2100-01-01T00:00:00Z')
/** How far a device's clock may run ahead of the server's. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000

/** A time a device measured something: from 1970 to five minutes past the server's now. */
export const ingestTimestamp = z.iso.datetime({ offset: true }).refine((value) => {
  const at = Date.parse(value)
  return Number.isNaN(at) || (at >= EARLIEST && at <= Date.now() + MAX_CLOCK_AHEAD_MS)
}, 'must be between 1970-01-01 and 5 minutes from now')

const DATETIME_WITH_OFFSET = z.regexes.datetime({ offset: true })

/**
 * True when `value` is certainly an accepted ingest timestamp at `now` (ms): the check of `ingestTimestamp` without
 * building zod's result, for a typed loop over a batch. A false may still be accepted: ask the schema then.
 */
export function isIngestTimestamp(value: string, now: number): boolean {
  if (!DATETIME_WITH_OFFSET.test(value)) return false
  const at = Date.parse(value)
  return at >= EARLIEST && at <= now + MAX_CLOCK_AHEAD_MS
}

/** An end of a queried range: from 1970 to 2100. */
export const queryTimestamp = z.iso.datetime({ offset: true }).refine((value) => {
  const at = Date.parse(value)
  return Number.isNaN(at) || (at >= EARLIEST && at < LATEST_QUERY)
}, 'must be between 1970-01-01 and 2100-01-01')
