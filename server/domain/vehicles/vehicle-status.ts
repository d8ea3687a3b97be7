// A vehicle's status from its newest position: what the map colours its marker by.
import type { VehicleStatus } from '../../../shared/events'

/** Above this speed (km/h) a vehicle is moving; below it GPS jitter of a standing vehicle is ignored. */
export const MOVING_SPEED_KMH = 3

/** Without an ignition sensor, a vehicle standing this long counts as parked. */
export const PARKING_AFTER_MS = 5 * 60_000

export interface StatusInput {
  speed: number
  satellites: number | null
  ignition: boolean | undefined
  /** Whether its positions show no movement for more than {@link PARKING_AFTER_MS} up to this one. */
  standingLong: boolean
}

/**
 * no_gps without satellites; moving above 3 km/h; otherwise stopped with the ignition on, parking with
 * it off. Without an ignition sensor: parking once it has stood for more than 5 minutes, else stopped.
 */
export function deriveStatus(input: StatusInput): Exclude<VehicleStatus, 'offline'> {
  if (input.satellites === 0) return 'no_gps'
  if (input.speed > MOVING_SPEED_KMH) return 'moving'
  if (input.ignition === true) return 'stopped'
  if (input.ignition === false) return 'parking'
  return input.standingLong ? 'parking' : 'stopped'
}
