// The REST representation of a vehicle row for the settings routes.
import type { VehicleSettings } from '../../../shared/settings'
import type { vehicles } from '../../db/schema'

/** A vehicle row as the settings routes answer it. */
export function toVehicleSettings(row: typeof vehicles.$inferSelect): VehicleSettings {
  return {
    id: row.id, tenantId: row.tenantId, name: row.name, plate: row.plate, imei: row.imei, speedLimit: row.speedLimit, status: row.status,
    archivedAt: row.archivedAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString(),
  }
}
