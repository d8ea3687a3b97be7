// Benchmark options: the scenario ids, alone, as all, or as a list.
import { describe, expect, it } from 'vitest'
import { parseOptions } from '../../../bench/options'

describe('bench --scenario', () => {
  it('runs the floor right after scenario 1 in all', () => {
    expect(parseOptions([], {}).scenarios).toEqual(['1', 'floor', '2', '3', '4', 'teltonika', 'mqtt', 'ingest'])
  })

  it('takes the floor alone, or a list in the order given without repeats', () => {
    expect(parseOptions(['--scenario', 'floor'], {}).scenarios).toEqual(['floor'])
    expect(parseOptions(['--scenario=floor, 1,floor'], {}).scenarios).toEqual(['floor', '1'])
    expect(parseOptions([], { BENCH_SCENARIO: '1,floor' }).scenarios).toEqual(['1', 'floor'])
  })

  it('refuses unknown ids, also inside a list', () => {
    expect(() => parseOptions(['--scenario', '5'], {})).toThrow(/--scenario must be 1, floor, 2, 3, 4, teltonika, mqtt, ingest, all/)
    expect(() => parseOptions(['--scenario', '1,all'], {})).toThrow(/got "1,all"/)
    expect(() => parseOptions(['--scenario', '1,'], {})).toThrow(/--scenario must be/)
  })
})

describe('bench --database', () => {
  it('stores the ingest scenario embedded unless postgres is asked for', () => {
    expect(parseOptions(['--scenario', 'ingest'], {}).database).toBe('embedded')
    expect(parseOptions(['--scenario', 'ingest', '--database', 'postgres'], {}).database).toBe('postgres')
    expect(parseOptions([], { BENCH_DATABASE: 'postgres' }).database).toBe('postgres')
  })

  it('refuses any other database and a sample count that is not a positive integer', () => {
    expect(() => parseOptions(['--database', 'sqlite'], {})).toThrow(/--database must be embedded or postgres, got "sqlite"/)
    expect(() => parseOptions(['--samples', '1.5'], {})).toThrow(/--samples must be a positive integer/)
    expect(parseOptions(['--samples', '5000'], {}).samples).toBe(5000)
  })
})
