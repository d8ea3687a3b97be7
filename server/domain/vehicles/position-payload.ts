// The `position` payload of a stored position or of a vehicle row's latest position.
import type { PositionFix, PositionPayload, VehicleStatus } from '../../../shared/events'

export interface PositionFields extends PositionFix {
  recordedAt: Date
}

/** The payload of a vehicle's position with the status it gives the vehicle. */
export function toPositionPayload(vehicleId: number, position: PositionFields, status: VehicleStatus): PositionPayload {
  return {
    vehicleId, lat: position.lat, lon: position.lon, speed: position.speed, course: position.course,
    altitude: position.altitude, satellites: position.satellites, recordedAt: position.recordedAt.toISOString(), status,
  }
}
