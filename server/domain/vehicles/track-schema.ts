// Query of GET /api/vehicles/{v}/track: an ISO time range, by default the last hour.
import { z } from 'zod'
import { queryTimestamp } from '../timestamps'

/** `from` and `to` as ISO timestamps, both optional; `format` csv for an export of every position. */
export const trackQuerySchema = z.object({
  from: queryTimestamp.optional(),
  to: queryTimestamp.optional(),
  format: z.enum(['json', 'csv']).default('json'),
}).refine(query => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), { message: 'must not be after to', path: ['from'] })

export type TrackQuery = z.infer<typeof trackQuerySchema>
