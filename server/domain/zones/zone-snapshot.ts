// Everything a zone page shows, in one answer: what a client reloads after a gap too old to replay.
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { AlertPayload, CommandPayload, DevicePayload, ZonePayload } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { alerts, commands, devices, telemetryLatest, zones } from '../../db/schema'
import { alertPayloadsWithNames } from '../alerts/alert-payload'
import { toCommandPayload } from '../commands/command-payload'
import { toDevicePayload, toZonePayload } from './zone-payloads'
import { OPEN_ALERT_STATUSES } from './zone-status'
import { shownZoneStatus } from '../../../shared/zone-silence'

/** Commands the snapshot carries: the recent ones a zone page lists. */
export const SNAPSHOT_COMMANDS = 20

export interface ZoneSnapshot {
  zone: ZonePayload & { targets: Record<string, number>, thresholds: Record<string, { min?: number, max?: number }> }
  nodes: Array<DevicePayload & { latest: Record<string, { value: number, recordedAt: string }> }>
  alerts: AlertPayload[]
  commands: CommandPayload[]
  at: string
}

/** The zone's snapshot, or null when there is no such zone; `at` is when it was taken. */
export async function zoneSnapshot(db: Database, zoneId: number, at: Date): Promise<ZoneSnapshot | null> {
  // One repeatable-read transaction: nodes, values, alerts and commands are read as of one moment.
  return db.transaction(async (tx) => {
    const [zone] = await tx.select().from(zones).where(eq(zones.id, zoneId))
    if (!zone) return null
    const nodes = await tx.select().from(devices).where(and(eq(devices.zoneId, zoneId), isNull(devices.archivedAt))).orderBy(asc(devices.name), asc(devices.id))
    const latest = await tx.select().from(telemetryLatest).where(eq(telemetryLatest.zoneId, zoneId))
    const open = await tx.select().from(alerts).where(and(eq(alerts.zoneId, zoneId), inArray(alerts.status, [...OPEN_ALERT_STATUSES]))).orderBy(desc(alerts.id))
    const recent = await tx.select().from(commands).where(eq(commands.zoneId, zoneId)).orderBy(desc(commands.id)).limit(SNAPSHOT_COMMANDS)
    return snapshotOf(zone, nodes, latest, await alertPayloadsWithNames(tx, open), recent, at)
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' })
}

function snapshotOf(
  zone: typeof zones.$inferSelect, nodes: Array<typeof devices.$inferSelect>, latest: Array<typeof telemetryLatest.$inferSelect>,
  open: AlertPayload[], recent: Array<typeof commands.$inferSelect>, at: Date,
): ZoneSnapshot {
  return {
    zone: {
      ...toZonePayload(zone), targets: zone.targets, thresholds: zone.thresholds,
      status: shownZoneStatus(zone.status, nodes.length, newestSeen(nodes), at.getTime()),
    },
    nodes: nodes.map(node => ({
      ...toDevicePayload(node),
      latest: Object.fromEntries(latest.filter(value => value.deviceId === node.id)
        .map(value => [value.metric, { value: value.value, recordedAt: value.recordedAt.toISOString() }])),
    })),
    alerts: open,
    commands: recent.map(toCommandPayload),
    at: at.toISOString(),
  }
}

/** When any of the nodes last reported (ms), or null when none ever did. */
function newestSeen(nodes: Array<typeof devices.$inferSelect>): number | null {
  const times = nodes.flatMap(node => (node.lastSeenAt ? [node.lastSeenAt.getTime()] : []))
  return times.length === 0 ? null : Math.max(...times)
}
