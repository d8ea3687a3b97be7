// What a browser reports about its live connection (POST /api/telemetry), shared by both sides.

export const MAX_LATENCY_SAMPLES = 500

export interface BrowserTelemetry {
  /** Delivery latencies (server send to handler) in ms. */
  latenciesMs: number[]
  reconnects: number
  errors: number
  /** Time spent in fallback polling, ms. */
  fallbackMs: number
  recoveries: { replayed: number, gap: number, failed: number }
}
