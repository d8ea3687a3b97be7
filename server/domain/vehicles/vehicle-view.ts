// A vehicle as the pages see it: the row with its latest position as a `position` payload.
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { VehicleView } from '../../../shared/vehicles'
import type { Database } from '../../db/connection'
import { positions, vehicles } from '../../db/schema'
import { toPositionPayload } from './position-payload'

/** Views of the vehicles matching `where`, in id order, with altitude and satellites from their latest positions row. */
export async function vehicleViews(db: Database, where: { tenantId: number } | { vehicleId: number }): Promise<VehicleView[]> {
  const rows = await db.select().from(vehicles)
    .where('tenantId' in where ? and(eq(vehicles.tenantId, where.tenantId), isNull(vehicles.archivedAt)) : eq(vehicles.id, where.vehicleId)).orderBy(asc(vehicles.id))
  const ids = rows.filter(row => row.lastPositionAt).map(row => row.id)
  // Joined on (vehicle, time): the positions index answers it without scanning the track.
  const latest = ids.length === 0
    ? []
    : await db.select({ vehicleId: positions.vehicleId, altitude: positions.altitude, satellites: positions.satellites })
        .from(positions).innerJoin(vehicles, and(eq(vehicles.id, positions.vehicleId), eq(vehicles.lastPositionAt, positions.recordedAt)))
        .where(inArray(vehicles.id, ids))
  const extra = new Map(latest.map(row => [row.vehicleId, row]))
  return rows.map((row) => {
    const position = row.lastPositionAt && row.lat !== null && row.lon !== null
      ? toPositionPayload(row.id, {
          lat: row.lat, lon: row.lon, speed: row.speed ?? 0, course: row.course ?? 0, recordedAt: row.lastPositionAt,
          altitude: extra.get(row.id)?.altitude ?? null, satellites: extra.get(row.id)?.satellites ?? null,
        }, row.status)
      : null
    return {
      id: row.id, tenantId: row.tenantId, name: row.name, plate: row.plate, status: row.status, speedLimit: row.speedLimit,
      sensors: row.sensors, lastPositionAt: row.lastPositionAt?.toISOString() ?? null, position,
    }
  })
}
