// Query of the trips, stops and track export routes: an ISO range (default the last 24 hours) and the answer's format.
import { z } from 'zod'
import { queryTimestamp } from '../../timestamps'

/** Longest range one request may cover. */
export const MAX_RANGE_DAYS = 366

/** The default range: this long before `to`. */
export const DEFAULT_RANGE_MS = 24 * 3_600_000

export const tripQuerySchema = z.object({
  from: queryTimestamp.optional(),
  to: queryTimestamp.optional(),
  format: z.enum(['json', 'csv']).default('json'),
}).refine(query => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), { message: 'must not be after to', path: ['from'] })
  .refine(query => !query.from || !query.to || Date.parse(query.to) - Date.parse(query.from) <= MAX_RANGE_DAYS * 86_400_000, { message: `must be at most ${MAX_RANGE_DAYS} days after from`, path: ['to'] })

export type TripQuery = z.infer<typeof tripQuerySchema>

/** The range a query asks for, with its defaults applied. */
export function queryRange(query: { from?: string, to?: string }, now: Date): { from: Date, to: Date } {
  const to = query.to ? new Date(query.to) : now
  return { from: query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS), to }
}
