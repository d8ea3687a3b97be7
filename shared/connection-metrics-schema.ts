// Validation of browser connection-metrics reports (shared so the browser can trust what the server accepts).
import { z } from 'zod'
import { MAX_LATENCY_SAMPLES } from './connection-metrics'

const count = z.number().int().min(0).max(100_000)

export const connectionMetricsReportSchema = z.object({
  latenciesMs: z.array(z.number().min(0).max(3_600_000)).max(MAX_LATENCY_SAMPLES),
  reconnects: count,
  errors: count,
  fallbackMs: z.number().min(0).max(86_400_000),
  recoveries: z.object({ replayed: count, gap: count, failed: count }),
  /** CSRF token in the body: sendBeacon cannot set headers. */
  xsrf: z.string().max(200).optional(),
})
