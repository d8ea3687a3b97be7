// Aggregates what browsers report about their live connections into Prometheus metrics and a summary.
import { Counter, Histogram, Registry } from 'prom-client'
import type { ConnectionMetricsReport } from '../../shared/connection-metrics'

const KEEP_LATENCIES = 2000

export interface ConnectionMetricsSummary {
  reports: number
  lastReportAt: string | null
  latencyMs: { p50: number, p95: number, p99: number, samples: number } | null
  reconnects: number
  errors: number
  fallbackSeconds: number
  recoveries: { replayed: number, gap: number, failed: number }
}

/** Totals of reports and a window of recent latencies: of the whole server, or of one tenant's browsers. */
class ConnectionMetricsTotals {
  private recent: number[] = []
  private totals: Omit<ConnectionMetricsSummary, 'latencyMs' | 'lastReportAt'> = { reports: 0, reconnects: 0, errors: 0, fallbackSeconds: 0, recoveries: { replayed: 0, gap: 0, failed: 0 } }
  private lastReportAt: Date | null = null

  add(report: ConnectionMetricsReport, at: Date): void {
    this.recent = [...this.recent, ...report.latenciesMs].slice(-KEEP_LATENCIES)
    for (const outcome of ['replayed', 'gap', 'failed'] as const) this.totals.recoveries[outcome] += report.recoveries[outcome]
    this.totals.reports += 1
    this.totals.reconnects += report.reconnects
    this.totals.errors += report.errors
    this.totals.fallbackSeconds += report.fallbackMs / 1000
    this.lastReportAt = at
  }

  summary(): ConnectionMetricsSummary {
    const sorted = [...this.recent].sort((a, b) => a - b)
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
    return {
      ...this.totals,
      recoveries: { ...this.totals.recoveries },
      fallbackSeconds: Math.round(this.totals.fallbackSeconds * 10) / 10,
      lastReportAt: this.lastReportAt?.toISOString() ?? null,
      latencyMs: sorted.length === 0 ? null : { p50: at(0.5), p95: at(0.95), p99: at(0.99), samples: sorted.length },
    }
  }
}

export class ConnectionMetricsAggregator {
  readonly registry = new Registry()
  private readonly latency = new Histogram({ name: 'lookout_browser_delivery_latency_seconds', help: 'Server send to browser handler', buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5], registers: [this.registry] })
  private readonly reconnects = new Counter({ name: 'lookout_browser_reconnects_total', help: 'Reconnects reported by browsers', registers: [this.registry] })
  private readonly errors = new Counter({ name: 'lookout_browser_errors_total', help: 'Connection errors reported by browsers', registers: [this.registry] })
  private readonly fallback = new Counter({ name: 'lookout_browser_fallback_seconds_total', help: 'Time browsers spent polling instead of the socket', registers: [this.registry] })
  private readonly recoveries = new Counter({ name: 'lookout_browser_recoveries_total', help: 'Missed-event recoveries by outcome', labelNames: ['outcome'] as const, registers: [this.registry] })
  private readonly all = new ConnectionMetricsTotals()
  private readonly byTenant = new Map<number, ConnectionMetricsTotals>()

  /** Adds one report from a browser of `tenantId`. */
  record(report: ConnectionMetricsReport, tenantId: number, at: Date = new Date()): void {
    for (const ms of report.latenciesMs) this.latency.observe(ms / 1000)
    this.reconnects.inc(report.reconnects)
    this.errors.inc(report.errors)
    this.fallback.inc(report.fallbackMs / 1000)
    for (const outcome of ['replayed', 'gap', 'failed'] as const) this.recoveries.inc({ outcome }, report.recoveries[outcome])
    this.all.add(report, at)
    let tenant = this.byTenant.get(tenantId)
    if (!tenant) this.byTenant.set(tenantId, tenant = new ConnectionMetricsTotals())
    tenant.add(report, at)
  }

  /** Totals since start and percentiles of the most recent latencies: of every browser, or of one tenant's. */
  summary(tenantId?: number): ConnectionMetricsSummary {
    return (tenantId === undefined ? this.all : this.byTenant.get(tenantId) ?? new ConnectionMetricsTotals()).summary()
  }
}
