// The CSV columns of a vehicle's track, trips, stops and day summary exports.
import type { DaySummary, Stop, Trip } from '../../../shared/trips'
import type { StoredPosition } from '../vehicles/trips/position-pages'
import type { CsvColumn } from './csv'

/** Every field of a Trip, in the API's order. */
export const TRIP_COLUMNS: Array<CsvColumn<Trip>> = (['startAt', 'endAt', 'startLat', 'startLon', 'endLat', 'endLon', 'distanceKm', 'durationSeconds', 'maxSpeed', 'avgSpeed'] as const)
  .map(key => ({ header: key, value: trip => trip[key] }))

/** Every field of a Stop, in the API's order. */
export const STOP_COLUMNS: Array<CsvColumn<Stop>> = (['startAt', 'endAt', 'lat', 'lon', 'durationSeconds'] as const)
  .map(key => ({ header: key, value: stop => stop[key] }))

/** A stored position, its sensors spread into columns of their own. */
export const POSITION_COLUMNS: Array<CsvColumn<StoredPosition>> = [
  { header: 'recordedAt', value: row => row.recordedAt.toISOString() },
  ...(['lat', 'lon', 'speed', 'course', 'altitude', 'satellites'] as const).map(key => ({ header: key, value: (row: StoredPosition) => row[key] })),
  ...(['ignition', 'fuel', 'temperature', 'doors', 'movement', 'externalVoltage', 'batteryVoltage', 'odometerKm'] as const)
    .map(key => ({ header: key, value: (row: StoredPosition) => row.sensors?.[key] })),
]

/** Every field of a DaySummary, in the API's order. */
export const SUMMARY_COLUMNS: Array<CsvColumn<DaySummary>> = (['vehicleId', 'vehicleName', 'day', 'distanceKm', 'drivingSeconds', 'idleSeconds', 'maxSpeed', 'geozoneVisits', 'speedingEvents'] as const)
  .map(key => ({ header: key, value: day => day[key] }))
