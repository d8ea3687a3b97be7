// A vehicle as the fleet and vehicle APIs return it, read by the map page.
import type { PositionPayload, VehicleStatus } from './events'

export interface VehicleSensors {
  fuel?: number
  temperature?: number
  ignition?: boolean
  doors?: boolean
}

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
