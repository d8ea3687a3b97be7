// Trips, stops and daily summaries of a vehicle, as the trips, stops and summary APIs answer them.

/** A drive between two stops; `endAt` is null while it is still under way. */
export interface Trip {
  startAt: string
  endAt: string | null
  startLat: number
  startLon: number
  endLat: number
  endLon: number
  distanceKm: number
  durationSeconds: number
  /** km/h, the highest speed the vehicle reported during the trip. */
  maxSpeed: number
  /** km/h, distance over duration. */
  avgSpeed: number
}

/** A time the vehicle stood still (long enough to end a trip); `endAt` is null while it still stands. */
export interface Stop {
  startAt: string
  endAt: string | null
  lat: number
  lon: number
  durationSeconds: number
}

/** One vehicle's day (in the report's time zone). */
export interface DaySummary {
  vehicleId: number
  vehicleName: string
  /** YYYY-MM-DD in the report's time zone. */
  day: string
  distanceKm: number
  drivingSeconds: number
  idleSeconds: number
  maxSpeed: number
  geozoneVisits: number
  speedingEvents: number
}
