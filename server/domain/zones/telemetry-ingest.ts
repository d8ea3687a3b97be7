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
import type { SampleColumns } from './telemetry-store'
import { storeTelemetry } from './telemetry-store'
import type { TelemetryInput } from './telemetry-schema'
import { telemetryItems } from './telemetry-schema'
import { toDevicePayload } from './zone-payloads'

export interface TelemetryIngestResult {
  stored: number
  devices: number
}

/** A stored sample of a zoned node, with its time as broadcast. */
type StoredSample = ZonedSample & { iso: string }

/**
 * A time already written the way toISOString writes it: a validated one of this form is broadcast as it came,
 * without a string per sample (the schema has checked it is a real date, from 1970 on).
 */
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Stores `input`'s samples for `tenantId` (all through `tx`) and returns what to broadcast once committed. */
export async function ingestTelemetry(ctx: DomainContext, tx: Database, tenantId: number, input: TelemetryInput): Promise<IngestOutcome<TelemetryIngestResult>> {
  const now = ctx.now()
  const nowMs = now.getTime()
  const items = telemetryItems(input)
  const batch: SampleColumns = { uids: [], nodes: [], metrics: [], values: [], times: [] }
  const places = new Map<string, number>()
  // The first sample stamped too far ahead, reported once the nodes are known (an unknown node before it comes first).
  let ahead: { item: number, sample: number } | null = null
  items.forEach((item, itemIndex) => {
    const place = places.get(item.device) ?? places.set(item.device, batch.uids.push(item.device)).get(item.device)!
    item.samples.forEach((sample, index) => {
      const at = sample.at ? Date.parse(sample.at) : nowMs
      if (at - nowMs > MAX_CLOCK_AHEAD_MS) ahead ??= { item: itemIndex, sample: index }
      batch.nodes.push(place)
      batch.metrics.push(sample.metric)
      batch.values.push(sample.value)
      batch.times.push(at)
    })
  })
  const known = await storeTelemetry(tx, tenantId, now, batch)
  const byUid = new Map(known.map(device => [device.uid, device]))
  const zoned: StoredSample[] = []
  const nowIso = now.toISOString()
  let first = 0
  items.forEach((item, itemIndex) => {
    const device = byUid.get(item.device)
    // Thrown inside the transaction: what the statement stored is rolled back.
    if (!device) throw new DomainError(422, item.path, `unknown device "${item.device}"`)
    if (ahead?.item === itemIndex) throw new DomainError(422, `${item.path.replace(/device$/, 'samples')}.${ahead.sample}.at`, 'more than 5 minutes in the future')
    if (device.zoneId !== null) {
      for (let i = 0; i < item.samples.length; i++) {
        const sample = item.samples[i]!
        const at = batch.times[first + i]!
        const iso = sample.at === undefined ? nowIso : CANONICAL_TIME.test(sample.at) ? sample.at : new Date(at).toISOString()
        zoned.push({ zoneId: device.zoneId, deviceId: device.id, metric: sample.metric, value: sample.value, recordedAt: new Date(at), iso })
      }
    }
    first += item.samples.length
  })
  const announceAlerts = await evaluateThresholds(tx, tenantId, zoned, now)
  return {
    response: { stored: batch.times.length, devices: byUid.size },
    announce: (ctx) => {
      announceAlerts(ctx)
      const perZone = new Map<number, TelemetrySample[]>()
      for (const row of zoned) {
        const samples = perZone.get(row.zoneId) ?? perZone.set(row.zoneId, []).get(row.zoneId)!
        samples.push({ deviceId: row.deviceId, metric: row.metric, value: row.value, recordedAt: row.iso })
      }
      for (const [zoneId, samples] of perZone) queueTelemetrySamples(ctx, zoneId, samples)
      for (const device of known) {
        const channel = device.zoneId === null ? channels.tenant(device.tenantId, 'devices') : channels.zone(device.zoneId)
        ctx.broadcaster.broadcast([channel], EVENTS.deviceUpdated, toDevicePayload(device))
      }
    },
  }
}
