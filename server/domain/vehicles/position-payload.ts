// The `position` payload of a stored position or of a vehicle row's latest position.
import type { PositionPayload, VehicleStatus } from '../../../shared/events'

export interface PositionFields {
  lat: number
  lon: number
  speed: number
  course: number
  altitude: number | null
  satellites: number | null
  recordedAt: Date
}

/** The payload of a vehicle's position with the status it gives the vehicle. */
export function toPositionPayload(vehicleId: number, position: PositionFields, status: VehicleStatus): PositionPayload {
  return {
    vehicleId, lat: position.lat, lon: position.lon, speed: position.speed, course: position.course,
    altitude: position.altitude, satellites: position.satellites, recordedAt: position.recordedAt.toISOString(), status,
  }
}
