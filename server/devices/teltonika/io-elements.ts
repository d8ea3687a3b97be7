// Teltonika's IO ids Lookout interprets (FMB/FMC/FMM parameter list), and how raw IO values are kept.
import type { RawIoValues, VehicleSensors } from '../../../shared/vehicles'
import type { IoElement } from './avl-record'

export const IO = {
  digitalInput1: 1,
  totalOdometer: 16,
  gnssStatus: 69,
  externalVoltage: 66,
  batteryVoltage: 67,
  fuelLevel: 89,
  hdop: 182,
  ignition: 239,
  movement: 240,
} as const

const GNSS_STATES = ['off', 'fix', 'no_fix', 'sleep'] as const

/** An IO value as a number (fixed elements up to 2^53), else as hex. */
function rawValue(element: IoElement): number | string {
  if (element.kind === 'variable') return element.bytes.toString('hex')
  if (element.bytes.length <= 6) return element.bytes.readUIntBE(0, element.bytes.length)
  const value = element.bytes.readBigUInt64BE(0)
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : element.bytes.toString('hex')
}

/** The sensors a record's IO elements tell, and the IO values left raw (every id not interpreted). */
export function interpretIo(elements: IoElement[]): { sensors: VehicleSensors, io: RawIoValues } {
  const sensors: VehicleSensors = {}
  const io: RawIoValues = {}
  for (const element of elements) {
    const value = rawValue(element)
    if (typeof value === 'string' || element.kind === 'variable') {
      io[String(element.id)] = value
      continue
    }
    switch (element.id) {
      case IO.ignition: sensors.ignition = value > 0
        break
      case IO.movement: sensors.movement = value > 0
        break
      case IO.externalVoltage: sensors.externalVoltage = value / 1000
        break
      case IO.batteryVoltage: sensors.batteryVoltage = value / 1000
        break
      case IO.totalOdometer: sensors.odometerKm = value / 1000
        break
      case IO.fuelLevel: sensors.fuel = value
        break
      case IO.hdop: sensors.hdop = value / 10
        break
      case IO.gnssStatus:
        if (value < GNSS_STATES.length) sensors.gnss = GNSS_STATES[value]
        else io[String(element.id)] = value
        break
      default: io[String(element.id)] = value
    }
  }
  return { sensors, io }
}
