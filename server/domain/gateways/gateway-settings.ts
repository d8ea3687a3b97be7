// The REST representation of a gateway row for the settings routes.
import type { GatewaySettings } from '../../../shared/settings'
import type { gateways } from '../../db/schema'

/** A gateway row as the settings routes answer it. */
export function toGatewaySettings(row: typeof gateways.$inferSelect): GatewaySettings {
  return {
    id: row.id, tenantId: row.tenantId, name: row.name, serial: row.serial, offlineAfterSeconds: row.offlineAfterSeconds, connection: row.connection, online: row.online,
    lastContactAt: row.lastContactAt?.toISOString() ?? null, archivedAt: row.archivedAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString(),
  }
}
