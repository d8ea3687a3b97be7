// Broadcast payloads of zones and device nodes, built from their rows (dates as ISO strings).
import type { DevicePayload, ZonePayload } from '../../../shared/events'
import type { devices, zones } from '../../db/schema'

type ZoneRow = Pick<typeof zones.$inferSelect, 'id' | 'tenantId' | 'name' | 'status'>
type DeviceRow = Pick<typeof devices.$inferSelect, 'id' | 'tenantId' | 'zoneId' | 'uid' | 'name' | 'kind' | 'lastSeenAt'>

/** The `zone.updated` payload of a zone row. */
export function toZonePayload(row: ZoneRow): ZonePayload {
  return { id: row.id, tenantId: row.tenantId, name: row.name, status: row.status }
}

/** The `device.updated` payload of a device row. */
export function toDevicePayload(row: DeviceRow): DevicePayload {
  return {
    id: row.id, tenantId: row.tenantId, zoneId: row.zoneId, uid: row.uid, name: row.name, kind: row.kind,
    lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
  }
}
