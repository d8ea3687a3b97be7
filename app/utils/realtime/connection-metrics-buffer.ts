// Browser-side connection measurements, gathered between two reports to the server.
import type { ConnectionMetricsReport } from '#shared/connection-metrics'
import { MAX_LATENCY_SAMPLES } from '#shared/connection-metrics'

export class ConnectionMetricsBuffer {
  private latencies: number[] = []
  private reconnects = 0
  private errors = 0
  private fallbackMs = 0
  private recoveries = { replayed: 0, gap: 0, failed: 0 }

  latency(ms: number): void {
    if (this.latencies.length < MAX_LATENCY_SAMPLES) this.latencies.push(Math.round(ms))
  }

  reconnect(): void {
    this.reconnects += 1
  }

  error(): void {
    this.errors += 1
  }

  fallback(ms: number): void {
    this.fallbackMs += ms
  }

  recovery(outcome: 'replayed' | 'gap' | 'failed'): void {
    this.recoveries[outcome] += 1
  }

  /** The report since the last take, or null when nothing happened; the buffer starts over. */
  take(): ConnectionMetricsReport | null {
    const report: ConnectionMetricsReport = {
      latenciesMs: this.latencies, reconnects: this.reconnects, errors: this.errors,
      fallbackMs: Math.round(this.fallbackMs), recoveries: this.recoveries,
    }
    const empty = report.latenciesMs.length === 0 && !report.reconnects && !report.errors && !report.fallbackMs
      && !report.recoveries.replayed && !report.recoveries.gap && !report.recoveries.failed
    this.latencies = []
    this.reconnects = 0
    this.errors = 0
    this.fallbackMs = 0
    this.recoveries = { replayed: 0, gap: 0, failed: 0 }
    return empty ? null : report
  }
}
