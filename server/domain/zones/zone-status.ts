// A zone's status follows its open alerts: 'alert' with an open critical one, 'warning' with an open warning, else 'ok'.
import { and, asc, eq, inArray } from 'drizzle-orm'
import { channels } from '../../../shared/channels'
import type { Severity, ZonePayload } from '../../../shared/events'
import type { ZoneStatus } from '../../../shared/summary'
import { EVENTS } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { alerts, zones } from '../../db/schema'
import type { DomainContext } from '../context'
import { toZonePayload } from './zone-payloads'


/** Alerts that still need someone: acknowledged ones are being handled but are not over. */
export const OPEN_ALERT_STATUSES = ['active', 'acknowledged'] as const

/** The status a zone has with open alerts of these severities ('info' alone leaves it 'ok'). */
export function zoneStatusOf(severities: Iterable<Severity>): ZoneStatus {
  let status: ZoneStatus = 'ok'
  for (const severity of severities) {
    if (severity === 'critical') return 'alert'
    if (severity === 'warning') status = 'warning'
  }
  return status
}

/** Recomputes the status of zones from their open alerts (in the caller's transaction); returns the zones that changed. */
export async function refreshZoneStatuses(tx: Database, zoneIds: number[]): Promise<ZonePayload[]> {
  const ids = [...new Set(zoneIds)]
  if (ids.length === 0) return []
  // Updated in id order, so two transactions touching the same zones cannot deadlock on them.
  const rows = await tx.select().from(zones).where(inArray(zones.id, ids)).orderBy(asc(zones.id))
  const open = await tx.selectDistinct({ zoneId: alerts.zoneId, severity: alerts.severity }).from(alerts)
    .where(and(inArray(alerts.zoneId, ids), inArray(alerts.status, [...OPEN_ALERT_STATUSES])))
  const changed: ZonePayload[] = []
  for (const zone of rows) {
    const status = zoneStatusOf(open.filter(alert => alert.zoneId === zone.id).map(alert => alert.severity))
    if (status === zone.status) continue
    await tx.update(zones).set({ status }).where(eq(zones.id, zone.id))
    changed.push(toZonePayload({ ...zone, status }))
  }
  return changed
}

/** Broadcasts changed zones on their zone channels (after commit). */
export function announceZones(ctx: DomainContext, changed: ZonePayload[]): void {
  for (const zone of changed) ctx.broadcaster.broadcast([channels.zone(zone.id)], EVENTS.zoneUpdated, zone)
}
