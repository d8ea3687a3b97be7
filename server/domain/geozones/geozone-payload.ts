// The API shape of a geozone row (dates as ISO strings).
import type { GeozonePayload } from '../../../shared/geozones'
import type { geozones } from '../../db/schema'

/** The payload of a geozone row. */
export function toGeozonePayload(row: typeof geozones.$inferSelect): GeozonePayload {
  return { id: row.id, tenantId: row.tenantId, name: row.name, shape: row.shape, color: row.color, createdAt: row.createdAt.toISOString() }
}
