// The device nodes a telemetry batch names, locked and marked seen in one statement.
import { sql } from 'drizzle-orm'
import { arrayParam } from '../../db/bulk-insert'
import type { Database } from '../../db/connection'
import { devices } from '../../db/schema'

/** What ingest needs of a node: where its samples go and what its `device.updated` says. */
export interface SendingNode {
  id: number
  tenantId: number
  zoneId: number | null
  uid: string
  name: string
  kind: string
  lastSeenAt: Date
}

/**
 * Locks the live nodes of `tenantId` with these `uids` in id order (the subquery) and marks them seen at `now`, through
 * `tx`; unknown uids are left out. Concurrent requests of one node queue here, so threshold checks see each other's
 * alerts; a refused request rolls the mark back with everything else.
 */
export async function markNodesSeen(tx: Database, tenantId: number, uids: string[], now: Date): Promise<SendingNode[]> {
  const result = await tx.execute(sql`
    UPDATE ${devices} SET last_seen_at = ${now.toISOString()}::timestamptz
    WHERE id IN (SELECT id FROM ${devices} WHERE tenant_id = ${tenantId} AND uid = ANY(${arrayParam(uids)}::text[]) AND archived_at IS NULL ORDER BY id FOR UPDATE)
    RETURNING id, tenant_id, zone_id, uid, name, kind`)
  return (result as unknown as { rows: Array<Record<string, unknown>> }).rows.map(row => ({
    id: Number(row.id),
    tenantId: Number(row.tenant_id),
    zoneId: row.zone_id === null ? null : Number(row.zone_id),
    uid: String(row.uid),
    name: String(row.name),
    kind: String(row.kind),
    lastSeenAt: now,
  }))
}
