// The REST representation of a device row for the settings routes.
import type { DeviceSettings } from '../../../shared/settings'
import type { devices } from '../../db/schema'

/** A device row as the settings routes answer it. */
export function toDeviceSettings(row: typeof devices.$inferSelect): DeviceSettings {
  return {
    id: row.id, tenantId: row.tenantId, zoneId: row.zoneId, uid: row.uid, name: row.name, kind: row.kind,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null, archivedAt: row.archivedAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString(),
  }
}
