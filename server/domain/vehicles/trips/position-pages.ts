// A vehicle's stored positions over a range, read page by page in time order so a year never sits in memory.
import { and, asc, eq, gt, lte, or, sql } from 'drizzle-orm'
import type { VehicleSensors } from '../../../../shared/vehicles'
import type { Database } from '../../../db/connection'
import { positions } from '../../../db/schema'

/** Rows one page holds: big enough to keep queries few, small enough to stay light. */
export const POSITION_PAGE_SIZE = 2000

const columns = {
  id: positions.id, lat: positions.lat, lon: positions.lon, speed: positions.speed, course: positions.course,
  altitude: positions.altitude, satellites: positions.satellites, sensors: positions.sensors, recordedAt: positions.recordedAt,
}

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

/**
 * Pages of the vehicle's positions with `from` ≤ time ≤ `to`, oldest first (id orders equal times). Each
 * page is its own query after the last row seen, so no cursor or transaction is held between pages.
 */
export async function* positionPages(db: Database, vehicleId: number, from: Date, to: Date, pageSize = POSITION_PAGE_SIZE): AsyncGenerator<StoredPosition[]> {
  let after: { at: Date, id: number } | null = null
  for (;;) {
    const next = after === null
      ? sql`${positions.recordedAt} >= ${from}`
      : or(gt(positions.recordedAt, after.at), and(eq(positions.recordedAt, after.at), gt(positions.id, after.id)))
    const page: StoredPosition[] = await db.select(columns).from(positions)
      .where(and(eq(positions.vehicleId, vehicleId), next, lte(positions.recordedAt, to)))
      .orderBy(asc(positions.recordedAt), asc(positions.id)).limit(pageSize)
    if (page.length > 0) yield page
    if (page.length < pageSize) return
    const last = page.at(-1)!
    after = { at: last.recordedAt, id: last.id }
  }
}
