// Benchmark options: the scenario ids, alone, as all, or as a list.
import { describe, expect, it } from 'vitest'
import { parseOptions } from '../../../bench/options'

describe('bench --scenario', () => {
  it('runs the floor right after scenario 1 in all', () => {
    expect(parseOptions([], {}).scenarios).toEqual(['1', 'floor', '2', '3', '4', 'teltonika', 'mqtt', 'modbus', 'ingest', 'map', 'idle'])
  })

  it('takes the floor alone, or a list in the order given without repeats', () => {
    expect(parseOptions(['--scenario', 'floor'], {}).scenarios).toEqual(['floor'])
    expect(parseOptions(['--scenario=floor, 1,floor'], {}).scenarios).toEqual(['floor', '1'])
    expect(parseOptions([], { BENCH_SCENARIO: '1,floor' }).scenarios).toEqual(['1', 'floor'])
  })

  it('refuses unknown ids, also inside a list', () => {
    expect(() => parseOptions(['--scenario', '5'], {})).toThrow(/--scenario must be 1, floor, 2, 3, 4, teltonika, mqtt, modbus, ingest, map, idle, all/)
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

describe('bench --canvas', () => {
  it('shows the map canvas unless told to hide it', () => {
    expect(parseOptions(['--scenario', 'map'], {}).canvas).toBe('shown')
    expect(parseOptions(['--scenario', 'map', '--canvas', 'hidden'], {}).canvas).toBe('hidden')
    expect(parseOptions([], { BENCH_CANVAS: 'hidden' }).canvas).toBe('hidden')
  })

  it('refuses any other value', () => {
    expect(() => parseOptions(['--canvas', 'off'], {})).toThrow(/--canvas must be shown or hidden, got "off"/)
  })
})

describe('bench --vehicles', () => {
  it('leaves the map scenario its own size unless a vehicle count is given', () => {
    expect(parseOptions(['--scenario', 'map'], {}).vehicles).toBeUndefined()
    expect(parseOptions(['--scenario', 'map', '--vehicles', '2500'], {}).vehicles).toBe(2500)
    expect(parseOptions(['--vehicles=300'], {}).vehicles).toBe(300)
    expect(parseOptions([], { BENCH_VEHICLES: '4000' }).vehicles).toBe(4000)
  })

  it('refuses a vehicle count that is not a positive integer', () => {
    expect(() => parseOptions(['--vehicles', '0'], {})).toThrow(/--vehicles must be a positive integer, got "0"/)
    expect(() => parseOptions(['--vehicles', 'lots'], {})).toThrow(/--vehicles must be a positive integer/)
  })
})

describe('bench --minutes', () => {
  it('runs the idle scenario alone and leaves its length to the scenario unless minutes are given', () => {
    expect(parseOptions(['--scenario', 'idle'], {})).toMatchObject({ scenarios: ['idle'], minutes: undefined })
    expect(parseOptions(['--scenario', 'idle', '--minutes', '0.5'], {}).minutes).toBe(0.5)
    expect(parseOptions([], { BENCH_MINUTES: '10' }).minutes).toBe(10)
  })

  it('refuses minutes that are not a positive number', () => {
    expect(() => parseOptions(['--minutes', '0'], {})).toThrow(/--minutes must be a positive number, got "0"/)
    expect(() => parseOptions(['--minutes', 'ten'], {})).toThrow(/--minutes must be a positive number/)
  })
})
