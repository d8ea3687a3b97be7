// The query of a data point's reading history: which data point, and the time range (defaults: the last 24 h).
import { z } from 'zod'
import { queryTimestamp } from '../timestamps'
import { MAX_DATABASE_ID } from '../../db/ids'

export const readingSeriesQuerySchema = z.object({
  dataPointId: z.coerce.number().int().min(1).max(MAX_DATABASE_ID),
  from: queryTimestamp.optional(),
  to: queryTimestamp.optional(),
})

export type ReadingSeriesQuery = z.infer<typeof readingSeriesQuerySchema>
