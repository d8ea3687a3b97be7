// The query of GET /api/zones/{z}/telemetry: one metric over a time range, of the zone or one of its nodes.
import { z } from 'zod'
import { queryTimestamp } from '../timestamps'
import { MAX_DATABASE_ID } from '../../db/ids'

/** Longest range one request may ask for. */
export const MAX_HISTORY_DAYS = 400

export const telemetryHistoryQuery = z.object({
  metric: z.string().trim().min(1).max(64),
  from: queryTimestamp.optional(),
  to: queryTimestamp.optional(),
  deviceId: z.coerce.number().int().min(1).max(MAX_DATABASE_ID).optional(),
  /** csv: every stored sample of the range, streamed as a download, instead of the chart's series. */
  format: z.enum(['json', 'csv']).default('json'),
}).superRefine((query, check) => {
  if (!query.from || !query.to) return
  const span = Date.parse(query.to) - Date.parse(query.from)
  if (span <= 0) check.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' })
  if (span > MAX_HISTORY_DAYS * 86_400_000) check.addIssue({ code: 'custom', path: ['from'], message: `at most ${MAX_HISTORY_DAYS} days before to` })
})

/** A history query as the series functions read it (the answer's format is the route's business). */
export type TelemetryHistoryQuery = Omit<z.infer<typeof telemetryHistoryQuery>, 'format'>
