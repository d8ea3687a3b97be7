// The zones of a tenant for the zones page: status and how much is going on in each.
import { and, asc, count, eq, inArray, isNull, max } from 'drizzle-orm'
import type { ZoneTargets, ZoneThresholds } from '../../../shared/zones'
import { shownZoneStatus } from '../../../shared/zone-silence'
import type { Database } from '../../db/connection'
import { alerts, commands, devices, zones } from '../../db/schema'
import { UNFINISHED_COMMAND_STATUSES } from '../commands/command-status'
import { OPEN_ALERT_STATUSES } from './zone-status'

export interface ZoneListItem {
  id: number
  tenantId: number
  name: string
  /** Alert-based status, or 'unknown' when the zone has nodes and none reported lately. */
  status: string
  /** The newest report of any of the zone's nodes (null when none ever reported), so pages can age the status. */
  lastReportAt: string | null
  targets: ZoneTargets
  thresholds: ZoneThresholds
  nodes: number
  openAlerts: number
  pendingCommands: number
}

/** Zones of `tenantId` by name, with node, open alert and unfinished command counts, as of `now`. */
export async function listZones(db: Database, tenantId: number, now: number = Date.now()): Promise<ZoneListItem[]> {
  const rows = await db.select({ id: zones.id, tenantId: zones.tenantId, name: zones.name, status: zones.status, targets: zones.targets, thresholds: zones.thresholds })
    .from(zones).where(and(eq(zones.tenantId, tenantId), isNull(zones.archivedAt))).orderBy(asc(zones.name), asc(zones.id))
  if (rows.length === 0) return []
  const ids = rows.map(zone => zone.id)
  const [nodes, open, pending] = await Promise.all([
    db.select({ zoneId: devices.zoneId, n: count(), newest: max(devices.lastSeenAt) }).from(devices).where(and(inArray(devices.zoneId, ids), isNull(devices.archivedAt))).groupBy(devices.zoneId),
    db.select({ zoneId: alerts.zoneId, n: count() }).from(alerts)
      .where(and(eq(alerts.tenantId, tenantId), inArray(alerts.zoneId, ids), inArray(alerts.status, [...OPEN_ALERT_STATUSES]))).groupBy(alerts.zoneId),
    db.select({ zoneId: commands.zoneId, n: count() }).from(commands)
      .where(and(inArray(commands.zoneId, ids), inArray(commands.status, [...UNFINISHED_COMMAND_STATUSES]))).groupBy(commands.zoneId),
  ])
  const counted = (list: Array<{ zoneId: number | null, n: number }>) => new Map(list.map(row => [row.zoneId, row.n]))
  const [nodeCounts, alertCounts, commandCounts] = [counted(nodes), counted(open), counted(pending)]
  const newest = new Map(nodes.map(row => [row.zoneId, row.newest ? new Date(row.newest).toISOString() : null]))
  return rows.map((zone) => {
    const nodeCount = nodeCounts.get(zone.id) ?? 0
    const lastReportAt = newest.get(zone.id) ?? null
    return {
      ...zone, status: shownZoneStatus(zone.status, nodeCount, lastReportAt, now), lastReportAt,
      nodes: nodeCount, openAlerts: alertCounts.get(zone.id) ?? 0, pendingCommands: commandCounts.get(zone.id) ?? 0,
    }
  })
}
