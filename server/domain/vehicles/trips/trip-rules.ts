// The rules trip and stop detection follow (see the README's "Trips and stops"): defaults, overridable per call.

export interface TripRules {
  /** km/h: at or above it a vehicle without an ignition reading is moving. */
  movingSpeedKmh: number
  /** A vehicle must stand still (or have its ignition off) this long for a stop; shorter pauses stay in the trip as idle time. */
  minStopSeconds: number
  /** km/h: a fix that implies a faster jump from the point before and back to the point after is a GPS glitch, dropped. */
  maxPlausibleSpeedKmh: number
}

export const DEFAULT_TRIP_RULES: TripRules = {
  movingSpeedKmh: 5,
  minStopSeconds: 300,
  maxPlausibleSpeedKmh: 300,
}

/** One stored fix as detection reads it (time in epoch ms, speed in km/h, ignition when the vehicle reported it). */
export interface TrackPoint {
  at: number
  lat: number
  lon: number
  speed: number
  ignition: boolean | null
  /** false for a fix the receiver marked invalid (0 satellites): skipped. */
  fix: boolean
}
