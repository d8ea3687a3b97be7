// The `gateway_offline` alert: raised when a gateway goes offline, resolved when it is back. Written to the
// alerts table directly so gateway status stays self-contained; payloads are the alerts' own.
import { and, eq, ne } from 'drizzle-orm'
import type { AlertPayload } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { alerts } from '../../db/schema'
import { toAlertPayload } from '../alerts/alert-payload'
import type { GatewayRow } from './find-gateway'
import { serverMessage } from '../../i18n/server-message'

export const GATEWAY_OFFLINE = 'gateway_offline'

const unresolvedOf = (gatewayId: number) => and(eq(alerts.gatewayId, gatewayId), eq(alerts.kind, GATEWAY_OFFLINE), ne(alerts.status, 'resolved'))

/** Raises the offline alert of a gateway; none when one of this outage is still unresolved. */
export async function raiseOfflineAlert(tx: Database, gateway: GatewayRow, at: Date): Promise<AlertPayload[]> {
  const [open] = await tx.select({ id: alerts.id }).from(alerts).where(unresolvedOf(gateway.id)).limit(1)
  if (open) return []
  const message = serverMessage('messages.alerts.gatewayOffline', { name: gateway.name, serial: gateway.serial, seconds: gateway.offlineAfterSeconds })
  const [row] = await tx.insert(alerts).values({
    tenantId: gateway.tenantId, gatewayId: gateway.id, severity: 'warning', kind: GATEWAY_OFFLINE, createdAt: at,
    message: message.text, messageCode: message.code, messageParams: message.params,
  }).returning()
  return [toAlertPayload(row!)]
}

/** Resolves (by the system, no user) the unresolved offline alerts of a gateway that is back online. */
export async function resolveOfflineAlerts(tx: Database, gatewayId: number, at: Date): Promise<AlertPayload[]> {
  const rows = await tx.update(alerts).set({ status: 'resolved', resolvedAt: at, resolvedBy: null }).where(unresolvedOf(gatewayId)).returning()
  return rows.map(row => toAlertPayload(row))
}
