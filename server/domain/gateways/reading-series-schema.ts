// The query of a data point's reading history: which data point, and the time range (defaults: the last 24 h).
import { z } from 'zod'
import { MAX_DATABASE_ID } from '../../db/ids'

export const readingSeriesQuerySchema = z.object({
  dataPointId: z.coerce.number().int().min(1).max(MAX_DATABASE_ID),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
})

export type ReadingSeriesQuery = z.infer<typeof readingSeriesQuerySchema>
