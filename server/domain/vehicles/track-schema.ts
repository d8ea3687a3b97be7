// Query of GET /api/vehicles/{v}/track: an ISO time range, by default the last hour.
import { z } from 'zod'

/** `from` and `to` as ISO timestamps; both optional. */
export const trackQuerySchema = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
}).refine(query => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), { message: 'must not be after to', path: ['from'] })

export type TrackQuery = z.infer<typeof trackQuerySchema>
