// The query of a data point's reading history: which data point, and the time range (defaults: the last 24 h).
import { z } from 'zod'
import { queryTimestamp } from '../timestamps'
import { MAX_DATABASE_ID } from '../../db/ids'

export const readingSeriesQuerySchema = z.object({
  dataPointId: z.coerce.number().int().min(1).max(MAX_DATABASE_ID),
  from: queryTimestamp.optional(),
  to: queryTimestamp.optional(),
  /** csv: every stored reading of the range, streamed as a download, instead of the chart's series. */
  format: z.enum(['json', 'csv']).default('json'),
})

/** A reading query as the series functions read it (the answer's format is the route's business). */
export type ReadingSeriesQuery = Omit<z.infer<typeof readingSeriesQuerySchema>, 'format'>
