// The dashboard's counters for a tenant: zones by status, gateways online, vehicles by status, active alerts.
import { and, count, eq, isNull } from 'drizzle-orm'
import type { ShownZoneStatus } from '../../../shared/zone-silence'
import type { TenantSummary } from '../../../shared/summary'
import { SEVERITIES, VEHICLE_STATUSES, ZONE_STATUSES } from '../../../shared/summary'
import type { Database } from '../../db/connection'
import { alerts, gateways, vehicles } from '../../db/schema'
import { listZones } from './zone-list'

const SHOWN_ZONE_STATUSES: readonly ShownZoneStatus[] = [...ZONE_STATUSES, 'unknown']

/** Counts per key, with a zero for every known key and a total. */
function tally<K extends string>(keys: readonly K[], rows: Array<{ key: string, n: number }>): Record<K, number> & { total: number } {
  const counts = Object.fromEntries(keys.map(key => [key, 0])) as Record<K, number>
  let total = 0
  for (const row of rows) {
    counts[row.key as K] = (counts[row.key as K] ?? 0) + row.n
    total += row.n
  }
  return { ...counts, total }
}

/** The summary of `tenantId` as of `now`; alerts count while 'active' (not yet acknowledged). */
export async function tenantSummary(db: Database, tenantId: number, now: number = Date.now()): Promise<TenantSummary> {
  // Zones are counted by the status their pages show, so a zone nobody hears from is not counted 'ok'.
  const zoneRows = (await listZones(db, tenantId, now)).map(zone => ({ key: zone.status, n: 1 }))
  const gatewayRows = await db.select({ online: gateways.online, n: count() }).from(gateways).where(and(eq(gateways.tenantId, tenantId), isNull(gateways.archivedAt))).groupBy(gateways.online)
  const vehicleRows = await db.select({ key: vehicles.status, n: count() }).from(vehicles).where(and(eq(vehicles.tenantId, tenantId), isNull(vehicles.archivedAt))).groupBy(vehicles.status)
  const alertRows = await db.select({ key: alerts.severity, n: count() }).from(alerts)
    .where(and(eq(alerts.tenantId, tenantId), eq(alerts.status, 'active'))).groupBy(alerts.severity)
  return {
    zones: tally(SHOWN_ZONE_STATUSES, zoneRows),
    gateways: { online: gatewayRows.find(row => row.online)?.n ?? 0, total: gatewayRows.reduce((sum, row) => sum + row.n, 0) },
    vehicles: tally(VEHICLE_STATUSES, vehicleRows),
    activeAlerts: tally(SEVERITIES, alertRows),
  }
}
