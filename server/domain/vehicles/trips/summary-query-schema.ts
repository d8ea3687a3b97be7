// Query of the vehicle day summaries: a range (default the last 7 days), which vehicles, the time zone days are counted in, the format.
import { z } from 'zod'
import { MAX_DATABASE_ID } from '../../../db/ids'
import { queryTimestamp } from '../../timestamps'
import { MAX_RANGE_DAYS } from './trip-query-schema'

/** Whether `name` is a time zone this runtime knows (IANA names such as Europe/Amsterdam, or UTC). */
function knownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  }
  catch {
    return false
  }
}

export const summaryQuerySchema = z.object({
  from: queryTimestamp.optional(),
  to: queryTimestamp.optional(),
  /** Comma-separated vehicle ids; none: every vehicle of the tenant. */
  vehicles: z.string().regex(/^\d+(,\d+)*$/, 'must be vehicle ids separated by commas').optional()
    .transform(list => list?.split(',').map(Number))
    .refine(ids => !ids || ids.every(id => id >= 1 && id <= MAX_DATABASE_ID), 'must be vehicle ids'),
  timeZone: z.string().max(64).default('UTC').refine(knownTimeZone, 'must be a time zone such as Europe/Amsterdam or UTC'),
  format: z.enum(['json', 'csv']).default('json'),
}).refine(query => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), { message: 'must not be after to', path: ['from'] })
  .refine(query => !query.from || !query.to || Date.parse(query.to) - Date.parse(query.from) <= MAX_RANGE_DAYS * 86_400_000, { message: `must be at most ${MAX_RANGE_DAYS} days after from`, path: ['to'] })

export type SummaryQuery = z.infer<typeof summaryQuerySchema>

/** The default range: this long before `to`. */
export const DEFAULT_SUMMARY_MS = 7 * 86_400_000
