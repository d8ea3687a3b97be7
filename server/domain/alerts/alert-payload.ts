// The `alert.created` / `alert.updated` payload of an alert row, and where it is broadcast.
import { channels } from '../../../shared/channels'
import type { AlertPayload } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import type { alerts } from '../../db/schema'
import type { DomainContext } from '../context'

/** The payload of an alert row (dates as ISO strings). */
export function toAlertPayload(row: typeof alerts.$inferSelect): AlertPayload {
  return {
    id: row.id, tenantId: row.tenantId, zoneId: row.zoneId, gatewayId: row.gatewayId, vehicleId: row.vehicleId,
    deviceId: row.deviceId, metric: row.metric, value: row.value, severity: row.severity, kind: row.kind,
    message: row.message, status: row.status, createdAt: row.createdAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null, acknowledgedBy: row.acknowledgedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null, resolvedBy: row.resolvedBy,
  }
}

/** Broadcasts a stored alert change on its tenant's alerts channel (after commit). */
export function announceAlert(ctx: DomainContext, change: { event: 'created' | 'updated', alert: AlertPayload }): void {
  const event = change.event === 'created' ? EVENTS.alertCreated : EVENTS.alertUpdated
  ctx.broadcaster.broadcast([channels.tenant(change.alert.tenantId, 'alerts')], event, change.alert)
}
