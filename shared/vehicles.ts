// A vehicle as the fleet and vehicle APIs return it, read by the map page.
import type { PositionPayload, VehicleStatus } from './events'

export interface VehicleSensors {
  fuel?: number
  temperature?: number
  ignition?: boolean
  doors?: boolean
  /** The tracker's own motion sensor (accelerometer). */
  movement?: boolean
  /** Volts of the vehicle's power supply and of the tracker's backup battery. */
  externalVoltage?: number
  batteryVoltage?: number
  /** Total distance the tracker counted, in km. */
  odometerKm?: number
  /** Satellite receiver state and fix quality (horizontal dilution of precision). */
  gnss?: 'off' | 'fix' | 'no_fix' | 'sleep'
  hdop?: number
}

/** IO values a tracker reported that Lookout does not interpret, by IO id: numbers, or hex for long/variable ones. */
export type RawIoValues = Record<string, number | string>

export interface VehicleView {
  id: number
  tenantId: number
  name: string
  plate: string
  status: VehicleStatus
  speedLimit: number
  sensors: VehicleSensors
  lastPositionAt: string | null
  /** The newest position with the vehicle's status; null before its first position. */
  position: PositionPayload | null
}
