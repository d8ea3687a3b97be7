import { describe, expect, it } from 'vitest'
import { MAX_LATENCY_SAMPLES } from '../../../../../shared/connection-metrics'
import { ConnectionMetricsBuffer } from '../../../../../app/utils/realtime/connection-metrics-buffer'

describe('ConnectionMetricsBuffer', () => {
  it('take() returns null when nothing happened', () => {
    expect(new ConnectionMetricsBuffer().take()).toBeNull()
  })

  it('take() returns everything accumulated, with latencies and fallback time rounded', () => {
    const buffer = new ConnectionMetricsBuffer()
    buffer.latency(12.4)
    buffer.latency(7.6)
    buffer.reconnect()
    buffer.reconnect()
    buffer.error()
    buffer.fallback(1000.4)
    buffer.fallback(500.3)
    buffer.recovery('replayed')
    buffer.recovery('replayed')
    buffer.recovery('gap')
    buffer.recovery('failed')
    expect(buffer.take()).toEqual({
      latenciesMs: [12, 8],
      reconnects: 2,
      errors: 1,
      fallbackMs: 1501,
      recoveries: { replayed: 2, gap: 1, failed: 1 },
    })
  })

  it('take() starts over, so a second take() returns null', () => {
    const buffer = new ConnectionMetricsBuffer()
    buffer.latency(5)
    buffer.reconnect()
    expect(buffer.take()).not.toBeNull()
    expect(buffer.take()).toBeNull()
    buffer.error()
    expect(buffer.take()).toEqual({ latenciesMs: [], reconnects: 0, errors: 1, fallbackMs: 0, recoveries: { replayed: 0, gap: 0, failed: 0 } })
  })

  it('a taken report is not changed by later measurements', () => {
    const buffer = new ConnectionMetricsBuffer()
    buffer.latency(1)
    buffer.recovery('gap')
    const report = buffer.take()!
    buffer.latency(2)
    buffer.recovery('gap')
    expect(report.latenciesMs).toEqual([1])
    expect(report.recoveries.gap).toBe(1)
  })

  it.each([
    ['a latency', (b: ConnectionMetricsBuffer) => b.latency(0)],
    ['a reconnect', (b: ConnectionMetricsBuffer) => b.reconnect()],
    ['an error', (b: ConnectionMetricsBuffer) => b.error()],
    ['fallback time', (b: ConnectionMetricsBuffer) => b.fallback(10)],
    ['a replayed recovery', (b: ConnectionMetricsBuffer) => b.recovery('replayed')],
    ['a gap recovery', (b: ConnectionMetricsBuffer) => b.recovery('gap')],
    ['a failed recovery', (b: ConnectionMetricsBuffer) => b.recovery('failed')],
  ])('take() returns a report when only %s was recorded', (_label, record) => {
    const buffer = new ConnectionMetricsBuffer()
    record(buffer)
    expect(buffer.take()).not.toBeNull()
  })

  it('keeps at most MAX_LATENCY_SAMPLES latencies (the first ones)', () => {
    const buffer = new ConnectionMetricsBuffer()
    for (let i = 0; i < MAX_LATENCY_SAMPLES + 100; i++) buffer.latency(i)
    const report = buffer.take()!
    expect(MAX_LATENCY_SAMPLES).toBe(500)
    expect(report.latenciesMs).toHaveLength(MAX_LATENCY_SAMPLES)
    expect(report.latenciesMs.at(-1)).toBe(MAX_LATENCY_SAMPLES - 1)
  })

  it('accepts latencies again after take() emptied the buffer', () => {
    const buffer = new ConnectionMetricsBuffer()
    for (let i = 0; i < MAX_LATENCY_SAMPLES; i++) buffer.latency(1)
    buffer.take()
    buffer.latency(42)
    expect(buffer.take()!.latenciesMs).toEqual([42])
  })
})
