// Groups data points into as few Modbus read requests as the protocol allows: contiguous addresses of one table.
import type { ModbusDataType, ModbusFunction } from '../../../shared/modbus'
import { registerSpan } from '../../../shared/modbus'

/** Most registers one read of holding/input registers may ask for (Modbus application protocol, FC 3/4). */
export const MAX_REGISTERS_PER_READ = 125
/** Most bits one read of coils/discrete inputs may ask for (FC 1/2). */
export const MAX_BITS_PER_READ = 2000

export interface PlannedPoint {
  id: number
  function: ModbusFunction
  register: number
  dataType: ModbusDataType
}

/** One request: `count` addresses from `start` of one table, and the points it answers. */
export interface ReadRange<P extends PlannedPoint = PlannedPoint> {
  function: ModbusFunction
  start: number
  count: number
  points: P[]
}

/** How many addresses a point occupies: 1 bit, 1 register or 2 registers. */
export function addressSpan(point: PlannedPoint): number {
  return point.function === 'coil' || point.function === 'discrete' ? 1 : registerSpan(point.dataType)
}

/**
 * The reads covering every point: per table, points by address, merged while they touch or overlap (a gap is
 * never read: its addresses may not exist on the device) and the range stays within the per-read limit.
 */
export function planReads<P extends PlannedPoint>(points: readonly P[]): Array<ReadRange<P>> {
  const ranges: Array<ReadRange<P>> = []
  const sorted = [...points].sort((a, b) => a.function.localeCompare(b.function) || a.register - b.register || addressSpan(b) - addressSpan(a))
  let current: ReadRange<P> | null = null
  for (const point of sorted) {
    const end = point.register + addressSpan(point)
    const limit = point.function === 'coil' || point.function === 'discrete' ? MAX_BITS_PER_READ : MAX_REGISTERS_PER_READ
    if (current && current.function === point.function && point.register <= current.start + current.count && Math.max(end, current.start + current.count) - current.start <= limit) {
      current.count = Math.max(end, current.start + current.count) - current.start
      current.points.push(point)
      continue
    }
    current = { function: point.function, start: point.register, count: end - point.register, points: [point] }
    ranges.push(current)
  }
  return ranges
}
