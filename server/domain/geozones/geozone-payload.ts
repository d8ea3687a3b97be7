// The API shape of a geozone row (dates as ISO strings).
import type { GeozoneShape, geozones } from '../../db/schema'

export interface GeozonePayload {
  id: number
  tenantId: number
  name: string
  shape: GeozoneShape
  color: string
  createdAt: string
}

/** The payload of a geozone row. */
export function toGeozonePayload(row: typeof geozones.$inferSelect): GeozonePayload {
  return { id: row.id, tenantId: row.tenantId, name: row.name, shape: row.shape, color: row.color, createdAt: row.createdAt.toISOString() }
}
