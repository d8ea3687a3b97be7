// Which geozones each vehicle is inside (vehicle_geozones), read and written for a whole batch of vehicles at once.
import { sql } from 'drizzle-orm'
import { arrayParam } from '../../db/bulk-insert'
import type { Database } from '../../db/connection'
import { vehicleGeozones } from '../../db/schema'

/** Geozone id → entered at, per vehicle. */
export type Memberships = Map<number, ReadonlyMap<number, Date>>

/** The stored memberships of `vehicleIds` (vehicles inside no geozone are absent). */
export async function loadMemberships(tx: Database, vehicleIds: number[]): Promise<Memberships> {
  const rows = await tx.select().from(vehicleGeozones).where(sql`${vehicleGeozones.vehicleId} = ANY(${arrayParam(vehicleIds)}::integer[])`)
  const memberships = new Map<number, Map<number, Date>>()
  for (const row of rows) {
    const inside = memberships.get(row.vehicleId) ?? new Map<number, Date>()
    inside.set(row.geozoneId, row.enteredAt)
    memberships.set(row.vehicleId, inside)
  }
  return memberships
}

/** A vehicle's memberships before and after its points. */
export interface MembershipChange {
  vehicleId: number
  before: ReadonlyMap<number, Date>
  after: ReadonlyMap<number, Date>
}

/**
 * Writes only what changed, in at most two statements for the whole batch: left geozones are deleted, new (or
 * re-entered) ones upserted with their entry time.
 */
export async function saveMemberships(tx: Database, changes: MembershipChange[]): Promise<void> {
  const left = changes.flatMap(({ vehicleId, before, after }) => [...before.keys()].filter(geozoneId => !after.has(geozoneId)).map(geozoneId => ({ vehicleId, geozoneId })))
  const entered = changes.flatMap(({ vehicleId, before, after }) => [...after]
    .filter(([geozoneId, at]) => before.get(geozoneId)?.getTime() !== at.getTime())
    .map(([geozoneId, at]) => ({ vehicleId, geozoneId, at })))
  if (left.length > 0) {
    await tx.execute(sql`
      DELETE FROM ${vehicleGeozones} USING unnest(${arrayParam(left.map(row => row.vehicleId))}::integer[], ${arrayParam(left.map(row => row.geozoneId))}::integer[]) AS l(vehicle_id, geozone_id)
      WHERE ${vehicleGeozones.vehicleId} = l.vehicle_id AND ${vehicleGeozones.geozoneId} = l.geozone_id`)
  }
  if (entered.length > 0) {
    await tx.execute(sql`
      INSERT INTO ${vehicleGeozones} (vehicle_id, geozone_id, entered_at)
      SELECT * FROM unnest(${arrayParam(entered.map(row => row.vehicleId))}::integer[], ${arrayParam(entered.map(row => row.geozoneId))}::integer[],
        ${arrayParam(entered.map(row => row.at.toISOString()))}::timestamptz[])
      ON CONFLICT (vehicle_id, geozone_id) DO UPDATE SET entered_at = excluded.entered_at`)
  }
}
