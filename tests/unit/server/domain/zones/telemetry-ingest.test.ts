import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { and, asc, eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { devices, telemetry, telemetryLatest } from '../../../../../server/db/schema'
import { DomainError } from '../../../../../server/domain/errors'
import { flushTelemetryBatches, MAX_SAMPLES_PER_BATCH } from '../../../../../server/domain/zones/telemetry-batches'
import { telemetryInput } from '../../../../../server/domain/zones/telemetry-schema'
import type { DevicePayload, TelemetryBatchPayload } from '../../../../../shared/events'
import { equipmentOf, useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import { channelsOf, nodeOf, sendTelemetry, setThresholds, unassignedNodeOf } from './zone-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let northwind: number
let zoneA: number
let zoneB: number

const latestOf = (deviceId: number) => handle.db.select().from(telemetryLatest).where(eq(telemetryLatest.deviceId, deviceId)).orderBy(asc(telemetryLatest.metric))
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

useDemoDatabase(async (demo) => {
  ({ handle, greenfield, northwind, zoneA, zoneB } = demo)
  ctx = testContext(handle, { telemetryBatchMs: 20 })
  // No thresholds: this file is about storing and batching, not alerts.
  for (const zone of [zoneA, zoneB]) await setThresholds(handle.db, zone, {})
})

afterAll(() => flushTelemetryBatches())

beforeEach(() => ctx.broadcaster.clear())
afterEach(() => flushTelemetryBatches())

describe('ingestTelemetry storage', () => {
  it('stores every sample, keeps the newest value per metric and sets last_seen_at', async () => {
    const node = await nodeOf(handle.db, zoneA)
    const response = await sendTelemetry(ctx, greenfield, {
      device: node.uid,
      samples: [
        { metric: 'temperature', value: 21.5, at: '2026-06-01T07:59:00Z' },
        { metric: 'temperature', value: 22.5, at: '2026-06-01T07:59:30Z' },
        { metric: 'humidity', value: 61 },
      ],
    })
    expect(response).toEqual({ stored: 3, devices: 1 })
    const rows = await handle.db.select().from(telemetry).where(eq(telemetry.deviceId, node.id)).orderBy(asc(telemetry.id))
    expect(rows.map(row => [row.metric, row.value, row.zoneId, row.tenantId, row.recordedAt.toISOString()])).toEqual([
      ['temperature', 21.5, zoneA, greenfield, '2026-06-01T07:59:00.000Z'],
      ['temperature', 22.5, zoneA, greenfield, '2026-06-01T07:59:30.000Z'],
      ['humidity', 61, zoneA, greenfield, ctx.now().toISOString()],
    ])
    expect((await latestOf(node.id)).map(row => [row.metric, row.value])).toEqual([['humidity', 61], ['temperature', 22.5]])
    const [device] = await handle.db.select().from(devices).where(eq(devices.id, node.id))
    expect(device!.lastSeenAt).toEqual(ctx.now())
  })

  it('does not let an older sample replace the latest value', async () => {
    const node = await nodeOf(handle.db, zoneB)
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ec', value: 1.9, at: '2026-06-01T07:50:00Z' }] })
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ec', value: 1.1, at: '2026-06-01T07:40:00Z' }] })
    const [latest] = await handle.db.select().from(telemetryLatest).where(and(eq(telemetryLatest.deviceId, node.id), eq(telemetryLatest.metric, 'ec')))
    expect(latest!.value).toBe(1.9)
    expect(await handle.db.$count(telemetry, and(eq(telemetry.deviceId, node.id), eq(telemetry.metric, 'ec')))).toBe(2)
  })

  it('accepts a batch of several nodes in one request', async () => {
    const [a, b] = [await nodeOf(handle.db, zoneA), await nodeOf(handle.db, zoneB)]
    const before = await handle.db.$count(telemetry)
    const response = await sendTelemetry(ctx, greenfield, {
      items: [{ device: a.uid, samples: [{ metric: 'ph', value: 6.1 }] }, { device: b.uid, samples: [{ metric: 'ph', value: 6.2 }, { metric: 'ec', value: 2 }] }],
    })
    expect(response).toEqual({ stored: 3, devices: 2 })
    expect(await handle.db.$count(telemetry)).toBe(before + 3)
  })

  it('refuses an unknown device uid with 422 naming the field, and writes nothing', async () => {
    const node = await nodeOf(handle.db, zoneA)
    const before = { telemetry: await handle.db.$count(telemetry), latest: await latestOf(node.id) }
    const attempt = sendTelemetry(ctx, greenfield, {
      items: [{ device: node.uid, samples: [{ metric: 'ph', value: 6.3 }] }, { device: 'no-such-node', samples: [{ metric: 'ph', value: 6 }] }],
    })
    await expect(attempt).rejects.toBeInstanceOf(DomainError)
    await expect(attempt).rejects.toMatchObject({ status: 422, field: 'items.1.device' })
    expect(await handle.db.$count(telemetry)).toBe(before.telemetry)
    expect(await latestOf(node.id)).toEqual(before.latest)
    expect(ctx.broadcaster.sent).toEqual([])
  })

  it('refuses another tenant\'s device as unknown', async () => {
    const foreign = await nodeOf(handle.db, (await equipmentOf(handle.db, northwind)).zones[0]!)
    await expect(sendTelemetry(ctx, greenfield, { device: foreign.uid, samples: [{ metric: 'ph', value: 6 }] }))
      .rejects.toMatchObject({ status: 422, field: 'device' })
    expect(await handle.db.$count(telemetry, eq(telemetry.deviceId, foreign.id))).toBe(0)
  })

  it('refuses samples stamped far in the future, naming the sample', async () => {
    const node = await nodeOf(handle.db, zoneA)
    await expect(sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ph', value: 6 }, { metric: 'ph', value: 6, at: '2026-06-01T09:00:00Z' }] }))
      .rejects.toMatchObject({ status: 422, field: 'samples.1.at' })
  })
})

describe('telemetryInput', () => {
  const issueAt = (body: unknown) => {
    const result = telemetryInput.safeParse(body)
    return result.success ? null : result.error.issues[0]!.path.join('.')
  }

  it('names the wrong field of either form', () => {
    expect(issueAt({ device: 'n', samples: [{ metric: 'ph', value: 'x' }] })).toBe('samples.0.value')
    expect(issueAt({ items: [{ device: '', samples: [{ metric: 'ph', value: 1 }] }] })).toBe('items.0.device')
    expect(issueAt({ samples: [{ metric: 'ph', value: 1 }] })).toBe('device')
    expect(issueAt({ device: 'n', samples: [{ metric: 'ph', value: 1, at: 'yesterday' }] })).toBe('samples.0.at')
    expect(issueAt({ device: 'n', samples: [{ metric: 'ph', value: 1 }] })).toBeNull()
  })

  it('refuses non-finite numbers', () => {
    expect(issueAt({ device: 'n', samples: [{ metric: 'ph', value: Number.POSITIVE_INFINITY }] })).toBe('samples.0.value')
    expect(issueAt({ device: 'n', samples: [{ metric: 'ph', value: Number.NaN }] })).toBe('samples.0.value')
  })

  it('refuses more than 1000 samples per request, also spread over items', () => {
    const samples = (n: number) => Array.from({ length: n }, () => ({ metric: 'ph', value: 6 }))
    expect(issueAt({ device: 'n', samples: samples(1000) })).toBeNull()
    expect(issueAt({ device: 'n', samples: samples(1001) })).toBe('samples')
    expect(issueAt({ items: [{ device: 'a', samples: samples(600) }, { device: 'b', samples: samples(401) }] })).toBe('items')
  })
})

describe('ingestTelemetry broadcasts', () => {
  it('coalesces samples of a zone into one telemetry.batch.updated per interval', async () => {
    // Its own context: the batcher takes the interval of the first context that uses it after a flush.
    const slow = testContext(handle, { telemetryBatchMs: 300 })
    const node = await nodeOf(handle.db, zoneA)
    await sendTelemetry(slow, greenfield, { device: node.uid, samples: [{ metric: 'ph', value: 6.1 }] })
    await sendTelemetry(slow, greenfield, { device: node.uid, samples: [{ metric: 'ph', value: 6.2 }, { metric: 'ec', value: 1.8 }] })
    expect(slow.broadcaster.of('telemetry.batch.updated')).toEqual([])
    await sleep(450)
    const batches = slow.broadcaster.of('telemetry.batch.updated')
    expect(batches).toHaveLength(1)
    expect(batches[0]!.channels).toEqual([`private-zone.${zoneA}`])
    const payload = batches[0]!.payload as TelemetryBatchPayload
    expect(payload.zoneId).toBe(zoneA)
    expect(payload.samples.map(sample => [sample.deviceId, sample.metric, sample.value])).toEqual([[node.id, 'ph', 6.1], [node.id, 'ph', 6.2], [node.id, 'ec', 1.8]])
    expect(payload.samples[0]!.recordedAt).toBe(slow.now().toISOString())
  })

  it('broadcasts every sample\'s time as toISOString writes it, whatever offset or precision it was sent with', async () => {
    const node = await nodeOf(handle.db, zoneA)
    const sent = ['2026-06-01T07:59:30.250Z', '2026-06-01T09:59:00+02:00', '2026-06-01T07:58:00Z', '2026-06-01T07:57:00.5Z']
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: sent.map(at => ({ metric: 'ph', value: 6, at })) })
    flushTelemetryBatches()
    const [batch] = ctx.broadcaster.of('telemetry.batch.updated')
    expect((batch!.payload as TelemetryBatchPayload).samples.map(sample => sample.recordedAt))
      .toEqual(['2026-06-01T07:59:30.250Z', '2026-06-01T07:59:00.000Z', '2026-06-01T07:58:00.000Z', '2026-06-01T07:57:00.500Z'])
  })

  it('keeps one batch per zone, and flushTelemetryBatches sends them at once', async () => {
    const [a, b] = [await nodeOf(handle.db, zoneA), await nodeOf(handle.db, zoneB)]
    await sendTelemetry(ctx, greenfield, { items: [{ device: a.uid, samples: [{ metric: 'ph', value: 6 }] }, { device: b.uid, samples: [{ metric: 'ph', value: 5.9 }] }] })
    flushTelemetryBatches()
    const batches = ctx.broadcaster.of('telemetry.batch.updated')
    expect(batches.map(batch => batch.channels)).toEqual([[`private-zone.${zoneA}`], [`private-zone.${zoneB}`]])
    expect(batches.map(batch => (batch.payload as TelemetryBatchPayload).samples.length)).toEqual([1, 1])
  })

  it('splits a large burst into batches of at most MAX_SAMPLES_PER_BATCH samples', async () => {
    const node = await nodeOf(handle.db, zoneA)
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: Array.from({ length: 450 }, (_, i) => ({ metric: 'ph', value: 6 + i / 1000 })) })
    flushTelemetryBatches()
    const sizes = ctx.broadcaster.of('telemetry.batch.updated').map(batch => (batch.payload as TelemetryBatchPayload).samples.length)
    expect(sizes).toEqual([MAX_SAMPLES_PER_BATCH, MAX_SAMPLES_PER_BATCH, 450 - 2 * MAX_SAMPLES_PER_BATCH])
  })

  it('announces device.updated on the zone channel for a zoned node', async () => {
    const node = await nodeOf(handle.db, zoneA)
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ph', value: 6 }] })
    const updates = ctx.broadcaster.of('device.updated')
    expect(updates.map(update => update.channels)).toEqual([[`private-zone.${zoneA}`]])
    expect(updates[0]!.payload).toEqual({
      id: node.id, tenantId: greenfield, zoneId: zoneA, uid: node.uid, name: node.name, kind: node.kind, lastSeenAt: ctx.now().toISOString(),
    } satisfies DevicePayload)
  })

  it('announces an unassigned node on the tenant devices channel and sends no telemetry batch', async () => {
    const spare = await unassignedNodeOf(handle.db, greenfield)
    await sendTelemetry(ctx, greenfield, { device: spare.uid, samples: [{ metric: 'temperature', value: 19 }] })
    flushTelemetryBatches()
    expect(ctx.broadcaster.sent.map(item => [item.event, item.channels])).toEqual([['device.updated', [`private-tenant.${greenfield}.devices`]]])
    const [stored] = await handle.db.select().from(telemetry).where(eq(telemetry.deviceId, spare.id))
    expect(stored!.zoneId).toBeNull()
  })

  it('broadcasts only on the sending tenant\'s channels', async () => {
    const nodes = [await nodeOf(handle.db, zoneA), await nodeOf(handle.db, zoneB), await unassignedNodeOf(handle.db, greenfield)]
    await sendTelemetry(ctx, greenfield, { items: nodes.map(node => ({ device: node.uid, samples: [{ metric: 'ph', value: 6 }] })) })
    flushTelemetryBatches()
    const northwindZones = (await equipmentOf(handle.db, northwind)).zones
    const channels = channelsOf(ctx.broadcaster.sent)
    expect(channels.sort()).toEqual([`private-tenant.${greenfield}.devices`, `private-zone.${zoneA}`, `private-zone.${zoneB}`].sort())
    expect(channels.some(channel => channel.startsWith(`private-tenant.${northwind}.`) || northwindZones.some(zone => channel.startsWith(`private-zone.${zone}`)))).toBe(false)
  })
})
