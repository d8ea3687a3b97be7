// A vehicle's stored positions over a range, read page by page in time order so a year never sits in memory.
import { and, asc, eq, gte, lte } from 'drizzle-orm'
import type { VehicleSensors } from '../../../../shared/vehicles'
import type { Database } from '../../../db/connection'
import { afterCursor, keysetPages, PAGE_SIZE } from '../../../db/keyset-pages'
import { positions } from '../../../db/schema'

/** One stored fix as the pages carry it. */
export interface StoredPosition {
  id: number
  lat: number
  lon: number
  speed: number
  course: number
  altitude: number | null
  satellites: number | null
  sensors: VehicleSensors | null
  recordedAt: Date
}

/** Pages of the vehicle's positions with `from` ≤ time ≤ `to`, oldest first (id orders equal times). */
export function positionPages(db: Database, vehicleId: number, from: Date, to: Date, pageSize = PAGE_SIZE): AsyncGenerator<StoredPosition[]> {
  return keysetPages(cursor => db.select({
    id: positions.id, lat: positions.lat, lon: positions.lon, speed: positions.speed, course: positions.course,
    altitude: positions.altitude, satellites: positions.satellites, sensors: positions.sensors, recordedAt: positions.recordedAt,
  }).from(positions)
    .where(and(eq(positions.vehicleId, vehicleId), gte(positions.recordedAt, from), lte(positions.recordedAt, to), afterCursor(positions.recordedAt, positions.id, cursor)))
    .orderBy(asc(positions.recordedAt), asc(positions.id)).limit(pageSize), row => ({ at: row.recordedAt, id: row.id }), pageSize)
}
