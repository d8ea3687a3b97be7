import { describe, expect, it } from 'vitest'
import type { PlannedPoint } from '../../../../../server/devices/modbus/read-plan'
import { MAX_BITS_PER_READ, MAX_REGISTERS_PER_READ, planReads } from '../../../../../server/devices/modbus/read-plan'

let nextId = 1
const point = (fn: PlannedPoint['function'], register: number, dataType: PlannedPoint['dataType'] = fn === 'coil' || fn === 'discrete' ? 'bool' : 'uint16'): PlannedPoint =>
  ({ id: nextId++, function: fn, register, dataType })
const shape = (points: PlannedPoint[]) => planReads(points).map(range => [range.function, range.start, range.count, range.points.length])

describe('Modbus read planning', () => {
  it('reads adjacent registers of one table in one request', () => {
    expect(shape([point('holding', 2), point('holding', 0), point('holding', 1)])).toEqual([['holding', 0, 3, 3]])
  })

  it('never reads a gap: separate ranges either side of it', () => {
    expect(shape([point('holding', 0), point('holding', 1), point('holding', 5)])).toEqual([['holding', 0, 2, 2], ['holding', 5, 1, 1]])
  })

  it('counts both registers of 32-bit values and merges overlapping points', () => {
    expect(shape([point('holding', 10, 'float32'), point('holding', 12, 'int32'), point('holding', 11)])).toEqual([['holding', 10, 4, 3]])
  })

  it('keeps tables apart even at the same addresses', () => {
    expect(shape([point('holding', 0), point('input', 0), point('coil', 0), point('discrete', 0)]).map(range => range[0]).sort())
      .toEqual(['coil', 'discrete', 'holding', 'input'])
  })

  it('splits registers at 125 per read and bits at 2000 per read', () => {
    const registers = Array.from({ length: 300 }, (_, index) => point('input', index))
    expect(shape(registers)).toEqual([['input', 0, 125, 125], ['input', 125, 125, 125], ['input', 250, 50, 50]])
    expect(MAX_REGISTERS_PER_READ).toBe(125)
    const bits = Array.from({ length: 2001 }, (_, index) => point('coil', index))
    expect(shape(bits)).toEqual([['coil', 0, 2000, 2000], ['coil', 2000, 1, 1]])
    expect(MAX_BITS_PER_READ).toBe(2000)
  })

  it('does not split a 32-bit value across two reads', () => {
    const points = [...Array.from({ length: 124 }, (_, index) => point('holding', index)), point('holding', 124, 'float32')]
    expect(shape(points)).toEqual([['holding', 0, 124, 124], ['holding', 124, 2, 1]])
  })
})
