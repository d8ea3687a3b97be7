// Finding the vehicle a tracker belongs to by the IMEI it announces.
import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { vehicles } from '../../db/schema'

export interface TrackedVehicle {
  id: number
  tenantId: number
}

/** The live (not archived) vehicle with this IMEI, of whichever tenant; null when none has it. */
export async function vehicleByImei(db: Database, imei: string): Promise<TrackedVehicle | null> {
  const [row] = await db.select({ id: vehicles.id, tenantId: vehicles.tenantId }).from(vehicles)
    .where(and(eq(vehicles.imei, imei), isNull(vehicles.archivedAt))).limit(1)
  return row ?? null
}
