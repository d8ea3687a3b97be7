// The `alert.created` / `alert.updated` payload of an alert row, and where it is broadcast.
import { channels } from '../../../shared/channels'
import type { AlertPayload } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import { inArray } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { users } from '../../db/schema'
import type { alerts } from '../../db/schema'
import type { DomainContext } from '../context'

type AlertRow = typeof alerts.$inferSelect

/** The payload of an alert row (dates as ISO strings), with the names of who handled it from `names` (by user id). */
export function toAlertPayload(row: AlertRow, names: ReadonlyMap<number, string> = new Map()): AlertPayload {
  const nameOf = (userId: number | null) => (userId === null ? null : names.get(userId) ?? null)
  return {
    id: row.id, tenantId: row.tenantId, zoneId: row.zoneId, gatewayId: row.gatewayId, vehicleId: row.vehicleId,
    deviceId: row.deviceId, metric: row.metric, value: row.value, severity: row.severity, kind: row.kind,
    message: row.message, messageCode: row.messageCode, messageParams: row.messageParams, status: row.status, createdAt: row.createdAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null, acknowledgedBy: row.acknowledgedBy,
    acknowledgedByName: nameOf(row.acknowledgedBy), resolvedAt: row.resolvedAt?.toISOString() ?? null, resolvedBy: row.resolvedBy,
    resolvedByName: nameOf(row.resolvedBy),
  }
}

/** Payloads of alert rows with the names of the users who acknowledged or resolved them (one query). */
export async function alertPayloadsWithNames(db: Database, rows: AlertRow[]): Promise<AlertPayload[]> {
  const ids = [...new Set(rows.flatMap(row => [row.acknowledgedBy, row.resolvedBy]).filter((id): id is number => id !== null))]
  const found = ids.length === 0 ? [] : await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))
  const names = new Map(found.map(user => [user.id, user.name]))
  return rows.map(row => toAlertPayload(row, names))
}

/** Broadcasts a stored alert change on its tenant's alerts channel (after commit). */
export function announceAlert(ctx: DomainContext, change: { event: 'created' | 'updated', alert: AlertPayload }): void {
  const event = change.event === 'created' ? EVENTS.alertCreated : EVENTS.alertUpdated
  ctx.broadcaster.broadcast([channels.tenant(change.alert.tenantId, 'alerts')], event, change.alert)
}
