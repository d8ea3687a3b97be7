// Reading vehicles: one vehicle's detail and the fleet snapshot the map reloads after a recovery gap.
import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { geozones, vehicleGeozones } from '../../db/schema'
import type { VehicleView } from '../../../shared/vehicles'
import { vehicleViews } from './vehicle-view'

export interface VehicleDetail extends VehicleView {
  /** The geozones the vehicle is inside now. */
  geozones: Array<{ id: number, name: string, color: string, enteredAt: string }>
}

/** A vehicle with its latest position, sensors, status and current geozones; null when unknown. */
export async function vehicleDetail(db: Database, vehicleId: number): Promise<VehicleDetail | null> {
  const [view] = await vehicleViews(db, { vehicleId })
  if (!view) return null
  const inside = await db.select({ id: geozones.id, name: geozones.name, color: geozones.color, enteredAt: vehicleGeozones.enteredAt })
    .from(vehicleGeozones).innerJoin(geozones, eq(geozones.id, vehicleGeozones.geozoneId))
    .where(eq(vehicleGeozones.vehicleId, vehicleId)).orderBy(asc(geozones.id))
  return { ...view, geozones: inside.map(row => ({ ...row, enteredAt: row.enteredAt.toISOString() })) }
}

/** Every vehicle of the tenant with its latest position and status. */
export async function fleetSnapshot(db: Database, tenantId: number): Promise<VehicleView[]> {
  return vehicleViews(db, { tenantId })
}
