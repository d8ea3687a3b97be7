// What a browser reports about its live connection (POST /api/connection-metrics), shared by both sides.

export const MAX_LATENCY_SAMPLES = 500

export interface ConnectionMetricsReport {
  /** Delivery latencies (server send to handler) in ms. */
  latenciesMs: number[]
  reconnects: number
  errors: number
  /** Time spent in fallback polling, ms. */
  fallbackMs: number
  recoveries: { replayed: number, gap: number, failed: number }
}
