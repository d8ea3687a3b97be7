// Reading geozones: a tenant's list and the geo events feed.
import { and, asc, desc, eq, lt } from 'drizzle-orm'
import type { GeoEventPayload } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { geoEvents, geozones } from '../../db/schema'
import type { GeozonePayload } from '../../../shared/geozones'
import { toGeozonePayload } from './geozone-payload'

/** Name shown for events of a geozone that was deleted since (geo_events keeps no copy of the name). */
export const DELETED_GEOZONE_NAME = '(deleted geozone)'

/** Every geozone of a tenant, oldest first (the map draws them all). */
export async function listGeozones(db: Database, tenantId: number): Promise<GeozonePayload[]> {
  const rows = await db.select().from(geozones).where(eq(geozones.tenantId, tenantId)).orderBy(asc(geozones.id))
  return rows.map(toGeozonePayload)
}

/** A page of the tenant's geo events, newest first (keyset paging on id). */
export async function listGeoEvents(db: Database, tenantId: number, query: { limit: number, before?: number }): Promise<GeoEventPayload[]> {
  const rows = await db.select({
    id: geoEvents.id, vehicleId: geoEvents.vehicleId, geozoneId: geoEvents.geozoneId, geozoneName: geozones.name, kind: geoEvents.kind, at: geoEvents.at,
  }).from(geoEvents).leftJoin(geozones, eq(geozones.id, geoEvents.geozoneId))
    .where(and(eq(geoEvents.tenantId, tenantId), query.before ? lt(geoEvents.id, query.before) : undefined))
    .orderBy(desc(geoEvents.id)).limit(query.limit)
  return rows.map(row => ({ ...row, geozoneName: row.geozoneName ?? DELETED_GEOZONE_NAME, at: row.at.toISOString() }))
}
