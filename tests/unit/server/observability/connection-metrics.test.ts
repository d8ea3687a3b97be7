import { describe, expect, it } from 'vitest'
import { ConnectionMetricsAggregator } from '../../../../server/observability/connection-metrics'
import type { ConnectionMetricsReport } from '../../../../shared/connection-metrics'

function report(overrides: Partial<ConnectionMetricsReport> = {}): ConnectionMetricsReport {
  return { latenciesMs: [], reconnects: 0, errors: 0, fallbackMs: 0, recoveries: { replayed: 0, gap: 0, failed: 0 }, ...overrides }
}

/** The value of one sample line of the Prometheus text, e.g. `name` or `name{label="x"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find(row => row.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('ConnectionMetricsAggregator metrics', () => {
  it('sums counters over reports in the Prometheus text', async () => {
    const aggregator = new ConnectionMetricsAggregator()
    aggregator.record(report({ reconnects: 2, errors: 1, fallbackMs: 1500, recoveries: { replayed: 3, gap: 1, failed: 0 } }), 1)
    aggregator.record(report({ reconnects: 3, errors: 4, fallbackMs: 2500, recoveries: { replayed: 1, gap: 0, failed: 2 } }), 1)
    const text = await aggregator.registry.metrics()
    expect(sample(text, 'lookout_browser_reconnects_total')).toBe(5)
    expect(sample(text, 'lookout_browser_errors_total')).toBe(5)
    expect(sample(text, 'lookout_browser_fallback_seconds_total')).toBe(4)
    expect(sample(text, 'lookout_browser_recoveries_total{outcome="replayed"}')).toBe(4)
    expect(sample(text, 'lookout_browser_recoveries_total{outcome="gap"}')).toBe(1)
    expect(sample(text, 'lookout_browser_recoveries_total{outcome="failed"}')).toBe(2)
  })

  it('observes latencies in seconds in the delivery histogram', async () => {
    const aggregator = new ConnectionMetricsAggregator()
    aggregator.record(report({ latenciesMs: [5, 20, 300] }), 1)
    aggregator.record(report({ latenciesMs: [3000] }), 1)
    const text = await aggregator.registry.metrics()
    expect(sample(text, 'lookout_browser_delivery_latency_seconds_count')).toBe(4)
    expect(sample(text, 'lookout_browser_delivery_latency_seconds_sum')).toBeCloseTo(3.325)
    expect(sample(text, 'lookout_browser_delivery_latency_seconds_bucket{le="0.01"}')).toBe(1)
    expect(sample(text, 'lookout_browser_delivery_latency_seconds_bucket{le="0.025"}')).toBe(2)
    expect(sample(text, 'lookout_browser_delivery_latency_seconds_bucket{le="0.5"}')).toBe(3)
    expect(sample(text, 'lookout_browser_delivery_latency_seconds_bucket{le="5"}')).toBe(4)
  })

  it('keeps a separate registry per aggregator', async () => {
    const first = new ConnectionMetricsAggregator()
    const second = new ConnectionMetricsAggregator()
    first.record(report({ reconnects: 7 }), 1)
    expect(sample(await second.registry.metrics(), 'lookout_browser_reconnects_total')).toBe(0)
  })
})

describe('ConnectionMetricsAggregator summary', () => {
  it('is empty before any report', () => {
    expect(new ConnectionMetricsAggregator().summary()).toEqual({
      reports: 0, lastReportAt: null, latencyMs: null, reconnects: 0, errors: 0, fallbackSeconds: 0,
      recoveries: { replayed: 0, gap: 0, failed: 0 },
    })
  })

  it('totals the reports and keeps the time of the last one', () => {
    const aggregator = new ConnectionMetricsAggregator()
    aggregator.record(report({ reconnects: 1, errors: 2, fallbackMs: 1234, recoveries: { replayed: 1, gap: 2, failed: 3 } }), 1, new Date('2025-01-01T00:00:00Z'))
    aggregator.record(report({ reconnects: 4, fallbackMs: 1000, recoveries: { replayed: 0, gap: 1, failed: 0 } }), 1, new Date('2025-01-02T12:00:00Z'))
    expect(aggregator.summary()).toEqual({
      reports: 2,
      lastReportAt: '2025-01-02T12:00:00.000Z',
      latencyMs: null,
      reconnects: 5,
      errors: 2,
      fallbackSeconds: 2.2,
      recoveries: { replayed: 1, gap: 3, failed: 3 },
    })
  })

  it('computes p50, p95 and p99 over the recorded latencies', () => {
    const aggregator = new ConnectionMetricsAggregator()
    // 100 samples, sorted: 90 x 10 ms, 6 x 100 ms, 4 x 1000 ms (given across two reports, unsorted).
    const latencies = [...Array(4).fill(1000), ...Array(90).fill(10), ...Array(6).fill(100)] as number[]
    aggregator.record(report({ latenciesMs: latencies.slice(0, 50) }), 1)
    aggregator.record(report({ latenciesMs: latencies.slice(50) }), 1)
    expect(aggregator.summary().latencyMs).toEqual({ p50: 10, p95: 100, p99: 1000, samples: 100 })
  })

  it('gives the single value for every percentile of one sample', () => {
    const aggregator = new ConnectionMetricsAggregator()
    aggregator.record(report({ latenciesMs: [42] }), 1)
    expect(aggregator.summary().latencyMs).toEqual({ p50: 42, p95: 42, p99: 42, samples: 1 })
  })

  it('uses only the 2000 most recent latencies for percentiles', () => {
    const aggregator = new ConnectionMetricsAggregator()
    for (let i = 0; i < 4; i++) aggregator.record(report({ latenciesMs: Array(500).fill(5000) as number[] }), 1)
    for (let i = 0; i < 4; i++) aggregator.record(report({ latenciesMs: Array(500).fill(7) as number[] }), 1)
    expect(aggregator.summary().latencyMs).toEqual({ p50: 7, p95: 7, p99: 7, samples: 2000 })
  })

  it('keeps each tenant\'s totals apart from the others\' while the server-wide summary counts them all', () => {
    const aggregator = new ConnectionMetricsAggregator()
    aggregator.record(report({ reconnects: 2, latenciesMs: [10] }), 1)
    aggregator.record(report({ reconnects: 5, latenciesMs: [900] }), 2)
    expect(aggregator.summary(1)).toMatchObject({ reports: 1, reconnects: 2, latencyMs: { p50: 10 } })
    expect(aggregator.summary(2)).toMatchObject({ reports: 1, reconnects: 5, latencyMs: { p50: 900 } })
    expect(aggregator.summary(3)).toMatchObject({ reports: 0, latencyMs: null })
    expect(aggregator.summary()).toMatchObject({ reports: 2, reconnects: 7 })
  })

  it('returns a copy of the recovery totals', () => {
    const aggregator = new ConnectionMetricsAggregator()
    aggregator.record(report({ recoveries: { replayed: 1, gap: 0, failed: 0 } }), 1)
    aggregator.summary().recoveries.replayed = 99
    expect(aggregator.summary().recoveries.replayed).toBe(1)
  })
})
