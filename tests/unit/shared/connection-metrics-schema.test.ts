import { describe, expect, it } from 'vitest'
import { MAX_LATENCY_SAMPLES } from '../../../shared/connection-metrics'
import { connectionMetricsReportSchema } from '../../../shared/connection-metrics-schema'

function valid(): Record<string, unknown> {
  return { latenciesMs: [12, 40.5, 0], reconnects: 2, errors: 0, fallbackMs: 1500, recoveries: { replayed: 1, gap: 0, failed: 3 } }
}

/** Paths of the issues when `body` is rejected; fails the test when it is accepted. */
function rejectedPaths(body: unknown): PropertyKey[][] {
  const result = connectionMetricsReportSchema.safeParse(body)
  expect(result.success).toBe(false)
  return result.error!.issues.map(issue => issue.path)
}

describe('connectionMetricsReportSchema', () => {
  it('accepts a valid report', () => {
    const result = connectionMetricsReportSchema.safeParse(valid())
    expect(result.success).toBe(true)
    expect(result.data).toEqual(valid())
  })

  it('accepts a report with an xsrf token and exactly MAX_LATENCY_SAMPLES latencies', () => {
    const body = { ...valid(), latenciesMs: Array(MAX_LATENCY_SAMPLES).fill(1), xsrf: 'token' }
    expect(connectionMetricsReportSchema.safeParse(body).success).toBe(true)
  })

  it.each([
    ['reconnects', { reconnects: -1 }, ['reconnects']],
    ['errors', { errors: -5 }, ['errors']],
    ['fallbackMs', { fallbackMs: -1 }, ['fallbackMs']],
    ['recoveries.gap', { recoveries: { replayed: 0, gap: -1, failed: 0 } }, ['recoveries', 'gap']],
    ['a latency', { latenciesMs: [1, -3] }, ['latenciesMs', 1]],
  ])('rejects a negative %s with the path of that field', (_label, change, path) => {
    expect(rejectedPaths({ ...valid(), ...change })).toEqual([path])
  })

  it('rejects more than MAX_LATENCY_SAMPLES latencies at latenciesMs', () => {
    expect(rejectedPaths({ ...valid(), latenciesMs: Array(MAX_LATENCY_SAMPLES + 1).fill(1) })).toEqual([['latenciesMs']])
  })

  it.each([
    ['a string count', { reconnects: '2' }, ['reconnects']],
    ['a null count', { errors: null }, ['errors']],
    ['a fractional count', { errors: 1.5 }, ['errors']],
    ['a string latency', { latenciesMs: [1, 'fast'] }, ['latenciesMs', 1]],
    ['a NaN latency', { latenciesMs: [Number.NaN] }, ['latenciesMs', 0]],
    ['an infinite fallback time', { fallbackMs: Number.POSITIVE_INFINITY }, ['fallbackMs']],
    ['a string recovery count', { recoveries: { replayed: 'x', gap: 0, failed: 0 } }, ['recoveries', 'replayed']],
    ['latencies that are not an array', { latenciesMs: 5 }, ['latenciesMs']],
    ['a numeric xsrf', { xsrf: 5 }, ['xsrf']],
  ])('rejects %s with the path of that field', (_label, change, path) => {
    expect(rejectedPaths({ ...valid(), ...change })).toEqual([path])
  })

  it('rejects values above the upper bounds', () => {
    expect(rejectedPaths({ ...valid(), reconnects: 100_001 })).toEqual([['reconnects']])
    expect(rejectedPaths({ ...valid(), latenciesMs: [3_600_001] })).toEqual([['latenciesMs', 0]])
    expect(rejectedPaths({ ...valid(), fallbackMs: 86_400_001 })).toEqual([['fallbackMs']])
  })

  it('rejects a report with a missing field at that path', () => {
    const { recoveries: _recoveries, ...body } = valid()
    expect(rejectedPaths(body)).toEqual([['recoveries']])
  })
})
