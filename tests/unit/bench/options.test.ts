// Benchmark options: the scenario ids, alone, as all, or as a list.
import { describe, expect, it } from 'vitest'
import { parseOptions } from '../../../bench/options'

describe('bench --scenario', () => {
  it('runs the floor right after scenario 1 in all', () => {
    expect(parseOptions([], {}).scenarios).toEqual(['1', 'floor', '2', '3', '4', 'teltonika', 'mqtt', 'modbus'])
  })

  it('takes the floor alone, or a list in the order given without repeats', () => {
    expect(parseOptions(['--scenario', 'floor'], {}).scenarios).toEqual(['floor'])
    expect(parseOptions(['--scenario=floor, 1,floor'], {}).scenarios).toEqual(['floor', '1'])
    expect(parseOptions([], { BENCH_SCENARIO: '1,floor' }).scenarios).toEqual(['1', 'floor'])
  })

  it('refuses unknown ids, also inside a list', () => {
    expect(() => parseOptions(['--scenario', '5'], {})).toThrow(/--scenario must be 1, floor, 2, 3, 4, teltonika, mqtt, modbus, all/)
    expect(() => parseOptions(['--scenario', '1,all'], {})).toThrow(/got "1,all"/)
    expect(() => parseOptions(['--scenario', '1,'], {})).toThrow(/--scenario must be/)
  })
})
