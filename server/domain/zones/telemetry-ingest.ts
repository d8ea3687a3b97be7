// Telemetry ingest: stores samples of a tenant's device nodes in one transaction, keeps the latest value per
// metric, raises/resolves threshold alerts, and announces batches and nodes after commit.
import { channels } from '../../../shared/channels'
import type { TelemetrySample } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import type { Database } from '../../db/connection'
import type { ZonedSample } from '../alerts/threshold-alerts'
import { evaluateThresholds } from '../alerts/threshold-alerts'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import type { IngestOutcome } from '../ingest-outcome'
import { MAX_CLOCK_AHEAD_MS } from '../timestamps'
import { queueTelemetrySamples } from './telemetry-batches'
import { markNodesSeen } from './telemetry-nodes'
import type { SampleColumns } from './telemetry-store'
import { storeTelemetry } from './telemetry-store'
import type { TelemetryInput } from './telemetry-schema'
import { telemetryItems } from './telemetry-schema'
import { toDevicePayload } from './zone-payloads'

export interface TelemetryIngestResult {
  stored: number
  devices: number
}

/** Stores `input`'s samples for `tenantId` (all through `tx`) and returns what to broadcast once committed. */
export async function ingestTelemetry(ctx: DomainContext, tx: Database, tenantId: number, input: TelemetryInput): Promise<IngestOutcome<TelemetryIngestResult>> {
  const now = ctx.now()
  const nowMs = now.getTime()
  const items = telemetryItems(input)
  const known = await markNodesSeen(tx, tenantId, [...new Set(items.map(item => item.device))], now)
  const byUid = new Map(known.map(device => [device.uid, device]))
  const batch: SampleColumns = { zoneIds: [], deviceIds: [], metrics: [], values: [], times: [] }
  const zoned: ZonedSample[] = []
  const sending = new Set<number>()
  for (const item of items) {
    const device = byUid.get(item.device)
    if (!device) throw new DomainError(422, item.path, `unknown device "${item.device}"`)
    sending.add(device.id)
    item.samples.forEach((sample, index) => {
      const at = sample.at ? Date.parse(sample.at) : nowMs
      if (at - nowMs > MAX_CLOCK_AHEAD_MS) throw new DomainError(422, `${item.path.replace(/device$/, 'samples')}.${index}.at`, 'more than 5 minutes in the future')
      batch.zoneIds.push(device.zoneId)
      batch.deviceIds.push(device.id)
      batch.metrics.push(sample.metric)
      batch.values.push(sample.value)
      batch.times.push(at)
      if (device.zoneId !== null) zoned.push({ zoneId: device.zoneId, deviceId: device.id, metric: sample.metric, value: sample.value, recordedAt: new Date(at) })
    })
  }
  await storeTelemetry(tx, tenantId, batch)
  const announceAlerts = await evaluateThresholds(tx, tenantId, zoned, now)
  return {
    response: { stored: batch.deviceIds.length, devices: sending.size },
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
