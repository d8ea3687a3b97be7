// The REST representation of a zone row for the settings routes.
import type { ZoneSettings } from '../../../shared/settings'
import type { zones } from '../../db/schema'

/** A zone row as the settings routes answer it. */
export function toZoneSettings(row: typeof zones.$inferSelect): ZoneSettings {
  return {
    id: row.id, tenantId: row.tenantId, name: row.name, status: row.status, targets: row.targets, thresholds: row.thresholds,
    archivedAt: row.archivedAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString(),
  }
}
