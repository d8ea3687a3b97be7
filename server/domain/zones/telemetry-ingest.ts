// Telemetry ingest: stores samples of a tenant's device nodes in one transaction, keeps the latest value per
// metric, raises/resolves threshold alerts, and announces batches and nodes after commit.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { channels } from '../../../shared/channels'
import type { TelemetrySample } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import { insertMany } from '../../db/bulk-insert'
import type { Database } from '../../db/connection'
import { devices, telemetry, telemetryLatest } from '../../db/schema'
import { evaluateThresholds } from '../alerts/threshold-alerts'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import type { IngestOutcome } from '../ingest-outcome'
import { queueTelemetrySamples } from './telemetry-batches'
import { mergeTelemetryRollups } from './telemetry-rollups'
import type { TelemetryInput } from './telemetry-schema'
import { telemetryItems } from './telemetry-schema'
import { toDevicePayload } from './zone-payloads'

export interface TelemetryIngestResult {
  stored: number
  devices: number
}

/** How far ahead of the server's clock a sample may be stamped (device clocks drift a little, not a lot). */
const MAX_CLOCK_AHEAD_MS = 5 * 60_000

/** Stores `input`'s samples for `tenantId` (all through `tx`) and returns what to broadcast once committed. */
export async function ingestTelemetry(ctx: DomainContext, tx: Database, tenantId: number, input: TelemetryInput): Promise<IngestOutcome<TelemetryIngestResult>> {
  const now = ctx.now()
  const items = telemetryItems(input)
  // Locked in id order (the subquery) and marked seen in the same statement: concurrent requests of one node queue
  // here, so threshold checks see each other's alerts. A refused request rolls the mark back with everything else.
  const known = await tx.update(devices).set({ lastSeenAt: now }).where(inArray(devices.id, tx.select({ id: devices.id }).from(devices)
    .where(and(eq(devices.tenantId, tenantId), inArray(devices.uid, [...new Set(items.map(item => item.device))]), isNull(devices.archivedAt)))
    .orderBy(asc(devices.id)).for('update'))).returning()
  const byUid = new Map(known.map(device => [device.uid, device]))
  const rows = items.flatMap((item) => {
    const device = byUid.get(item.device)
    if (!device) throw new DomainError(422, item.path, `unknown device "${item.device}"`)
    return item.samples.map((sample, index) => {
      const recordedAt = sample.at ? new Date(sample.at) : now
      if (recordedAt.getTime() - now.getTime() > MAX_CLOCK_AHEAD_MS) throw new DomainError(422, `${item.path.replace(/device$/, 'samples')}.${index}.at`, 'more than 5 minutes in the future')
      return { tenantId, zoneId: device.zoneId, deviceId: device.id, metric: sample.metric, value: sample.value, recordedAt }
    })
  })
  await insertMany(tx, telemetry, rows)
  await mergeTelemetryRollups(tx, rows)
  await insertMany(tx, telemetryLatest, newestPerMetric(rows), sql`
    ON CONFLICT (device_id, metric) DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at, zone_id = excluded.zone_id
    WHERE ${telemetryLatest}.recorded_at <= excluded.recorded_at`)
  const zoned = rows.filter((row): row is typeof row & { zoneId: number } => row.zoneId !== null)
  const announceAlerts = await evaluateThresholds(tx, tenantId, zoned, now)
  return {
    response: { stored: rows.length, devices: new Set(rows.map(row => row.deviceId)).size },
    announce: (ctx) => {
      announceAlerts(ctx)
      const perZone = new Map<number, TelemetrySample[]>()
      for (const row of zoned) {
        const samples = perZone.get(row.zoneId) ?? perZone.set(row.zoneId, []).get(row.zoneId)!
        samples.push({ deviceId: row.deviceId, metric: row.metric, value: row.value, recordedAt: row.recordedAt.toISOString() })
      }
      for (const [zoneId, samples] of perZone) queueTelemetrySamples(ctx, zoneId, samples)
      for (const device of known) {
        const channel = device.zoneId === null ? channels.tenant(device.tenantId, 'devices') : channels.zone(device.zoneId)
        ctx.broadcaster.broadcast([channel], EVENTS.deviceUpdated, toDevicePayload(device))
      }
    },
  }
}

/** One row per (device, metric), the newest (the later one on a tie): an upsert may touch a row only once. */
function newestPerMetric<T extends { deviceId: number, metric: string, recordedAt: Date }>(rows: T[]): T[] {
  const newest = new Map<string, T>()
  for (const row of rows) {
    const key = `${row.deviceId}:${row.metric}`
    const kept = newest.get(key)
    if (!kept || kept.recordedAt <= row.recordedAt) newest.set(key, row)
  }
  return [...newest.values()]
}
