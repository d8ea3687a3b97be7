// The vehicles an ingest request names, checked to belong to the tenant and locked for the request.
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { arrayParam } from '../../db/bulk-insert'
import type { Database } from '../../db/connection'
import { vehicles } from '../../db/schema'
import { DomainError } from '../errors'
import type { IncomingPosition } from './incoming-positions'

export type LockedVehicle = Pick<typeof vehicles.$inferSelect, 'id' | 'name' | 'lat' | 'lon' | 'course' | 'speed' | 'speedLimit' | 'sensors' | 'lastPositionAt' | 'status'>

/**
 * The tenant's vehicles named by `positions`, locked until the transaction ends so two requests for
 * one vehicle cannot both decide it entered a geozone; 422 naming the first unknown or foreign one.
 */
export async function lockTenantVehicles(tx: Database, tenantId: number, positions: IncomingPosition[]): Promise<Map<number, LockedVehicle>> {
  const ids = [...new Set(positions.map(position => position.vehicleId))]
  // One array parameter for the ids, not one parameter each: a request names up to 1 000 vehicles.
  const rows = await tx.select({
    id: vehicles.id, name: vehicles.name, lat: vehicles.lat, lon: vehicles.lon, course: vehicles.course, speed: vehicles.speed, speedLimit: vehicles.speedLimit,
    sensors: vehicles.sensors, lastPositionAt: vehicles.lastPositionAt, status: vehicles.status,
  }).from(vehicles).where(and(eq(vehicles.tenantId, tenantId), sql`${vehicles.id} = ANY(${arrayParam(ids)}::integer[])`, isNull(vehicles.archivedAt))).orderBy(asc(vehicles.id)).for('update')
  const found = new Map(rows.map(row => [row.id, row]))
  const unknown = positions.find(position => !found.has(position.vehicleId))
  if (unknown) throw new DomainError(422, `${unknown.field}vehicleId`, `unknown vehicle ${unknown.vehicleId}`)
  return found
}
