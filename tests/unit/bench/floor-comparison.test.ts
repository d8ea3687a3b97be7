// The floor comparison: one line per rate with Lookout's p50, p99 and server CPU over the floor server's.
import { describe, expect, it } from 'vitest'
import { floorComparison } from '../../../bench/floor-comparison'
import type { SummaryRow } from '../../../bench/summary-table'

describe('floorComparison', () => {
  const row = (scenario: string, phase: string, p50: number, p99: number, cpu: number, sockets = 1000): SummaryRow => ({
    scenario, phase, sockets, serverCpuPercent: cpu, latency: { count: 1, p50, p95: p99, p99, max: p99, mean: p50 },
  })

  it('gives Lookout / floor ratios for each rate both ran', () => {
    const rows = [row('1', '1/s', 30, 60, 20), row('1', '5/s', 40, 130, 50), row('floor', '5/s', 20, 100, 25), row('2', '5/s', 1, 1, 1)]
    expect(floorComparison(rows)).toEqual(['     5/s  Lookout / floor: p50 2.00x, p99 1.30x, server CPU 2.00x'])
  })

  it('says when the socket counts differ and prints n/a for a missing figure', () => {
    const floor = { ...row('floor', '5/s', 0, 100, 25, 900) }
    expect(floorComparison([row('1', '5/s', 40, 130, 50), floor])).toEqual(['     5/s  Lookout / floor: p50 n/a, p99 1.30x, server CPU 2.00x (1000 vs 900 sockets)'])
  })

  it('prints nothing without both', () => {
    expect(floorComparison([row('1', '5/s', 40, 130, 50)])).toEqual([])
  })
})
