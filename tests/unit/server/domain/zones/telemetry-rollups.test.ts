import { and, asc, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { telemetry, telemetryMinutely } from '../../../../../server/db/schema'
import { domainSettings } from '../../../../../server/domain/context'
import { telemetryHistory } from '../../../../../server/domain/zones/telemetry-history'
import { pruneTelemetry, pruneTelemetryRollups } from '../../../../../server/domain/zones/telemetry-retention'
import { useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import { nodeOf, sendTelemetry, unassignedNodeOf } from './zone-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let zoneA: number
let node: { id: number, uid: string }

useDemoDatabase(async (demo) => {
  ({ handle, greenfield, zoneA } = demo)
  ctx = testContext(handle, { retentionDays: 30, retentionDaysDownsampled: 400 }, new Date('2026-06-01T08:00:00Z'))
  node = await nodeOf(handle.db, zoneA)
})

const sample = (metric: string, value: number, at: string) => ({ metric, value, at })

async function rollupsOf(metric: string) {
  const rows = await handle.db.select().from(telemetryMinutely)
    .where(and(eq(telemetryMinutely.metric, metric), eq(telemetryMinutely.deviceId, node.id))).orderBy(asc(telemetryMinutely.minute))
  return rows.map(row => ({ minute: row.minute.toISOString(), zoneId: row.zoneId, count: row.count, sum: row.sum, min: row.min, max: row.max }))
}

describe('per-minute rollups kept by ingest', () => {
  it('merges each batch into its minutes\' count, sum, min and max, across batches and whatever the samples\' age', async () => {
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [
      sample('rollup_merge', 4, '2026-05-01T10:00:05Z'), sample('rollup_merge', 1, '2026-05-01T10:00:59.999Z'), sample('rollup_merge', 7, '2026-05-01T10:01:00Z'),
    ] })
    // A later batch backfilling the same old minute, and one of today.
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [sample('rollup_merge', 10, '2026-05-01T10:00:30Z'), sample('rollup_merge', 2, '2026-06-01T07:59:00Z')] })
    expect(await rollupsOf('rollup_merge')).toEqual([
      { minute: '2026-05-01T10:00:00.000Z', zoneId: zoneA, count: 3, sum: 15, min: 1, max: 10 },
      { minute: '2026-05-01T10:01:00.000Z', zoneId: zoneA, count: 1, sum: 7, min: 7, max: 7 },
      { minute: '2026-06-01T07:59:00.000Z', zoneId: zoneA, count: 1, sum: 2, min: 2, max: 2 },
    ])
  })

  it('merges many samples of one minute sent in one batch into one row', async () => {
    const samples = Array.from({ length: 600 }, (_, i) => sample('rollup_dense', i % 7 - 3, new Date(Date.parse('2026-05-02T00:00:00Z') + i * 100).toISOString()))
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples })
    const sum = samples.reduce((total, item) => total + item.value, 0)
    expect(await rollupsOf('rollup_dense')).toEqual([{ minute: '2026-05-02T00:00:00.000Z', zoneId: zoneA, count: 600, sum, min: -3, max: 3 }])
  })

  it('leaves out samples of nodes in no zone, which no zone history asks for', async () => {
    const loose = await unassignedNodeOf(handle.db, greenfield)
    await sendTelemetry(ctx, greenfield, { device: loose.uid, samples: [sample('rollup_loose', 1, '2026-05-03T00:00:00Z')] })
    expect(await handle.db.$count(telemetry, eq(telemetry.metric, 'rollup_loose'))).toBe(1)
    expect(await handle.db.$count(telemetryMinutely, eq(telemetryMinutely.metric, 'rollup_loose'))).toBe(0)
  })
})

describe('history beyond the raw window', () => {
  it('answers a range older than a week from the rollups, with each bucket\'s avg, min, max and count', async () => {
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [
      sample('rollup_old', 2, '2026-05-05T10:00:00Z'), sample('rollup_old', 6, '2026-05-05T10:20:30Z'), sample('rollup_old', 1, '2026-05-05T11:59:59Z'),
      sample('rollup_old', 9, '2026-05-06T00:00:00Z'),
    ] })
    // The raw rows are gone (raw retention), the rollups still answer.
    await handle.db.delete(telemetry).where(eq(telemetry.metric, 'rollup_old'))
    const history = await telemetryHistory(handle.db, zoneA, { metric: 'rollup_old', from: '2026-04-20T00:00:00Z', to: '2026-05-20T00:00:00Z' }, ctx.now())
    expect(history).toMatchObject({ mode: 'buckets', bucketSeconds: 7200 })
    expect(history.points).toEqual([
      { deviceId: node.id, at: '2026-05-05T10:00:00.000Z', value: 3, min: 1, max: 6, count: 3 },
      { deviceId: node.id, at: '2026-05-06T00:00:00.000Z', value: 9, min: 9, max: 9, count: 1 },
    ])
  })

  it('gives a range crossing the window start the same buckets as reading every raw row', async () => {
    const start = Date.parse('2026-05-18T08:00:00Z')
    // 14 days up to now: every 20 minutes, with a second sample in the same minute every third time.
    const samples = Array.from({ length: 1008 }, (_, i) => sample('rollup_span', Math.round(50 + 20 * Math.sin(i / 9)), new Date(start + i * 20 * 60_000).toISOString()))
      .flatMap((item, i) => i % 3 === 0 ? [item, { ...item, value: item.value + 5, at: new Date(Date.parse(item.at) + 40_000).toISOString() }] : [item])
    for (let first = 0; first < samples.length; first += 1000) await sendTelemetry(ctx, greenfield, { device: node.uid, samples: samples.slice(first, first + 1000) })
    const query = { metric: 'rollup_span', from: '2026-05-18T08:00:00Z', to: ctx.now().toISOString() }
    const mixed = await telemetryHistory(handle.db, zoneA, query, ctx.now())
    const raw = await telemetryHistory(handle.db, zoneA, query, ctx.now(), 400)
    expect(mixed.mode).toBe('buckets')
    expect(mixed.bucketSeconds).toBe(raw.bucketSeconds)
    expect(mixed.points.map(point => [point.at, point.count, point.min, point.max])).toEqual(raw.points.map(point => [point.at, point.count, point.min, point.max]))
    mixed.points.forEach((point, i) => expect(point.value).toBeCloseTo(raw.points[i]!.value, 9))
    expect(mixed.points.reduce((total, point) => total + point.count!, 0)).toBe(samples.length)
  })
})

describe('retention of raw rows and rollups', () => {
  it('prunes raw rows by retentionDays, leaving their rollups, and rollups by retentionDaysDownsampled, in slices', async () => {
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [sample('rollup_kept', 5, '2026-03-01T00:00:00Z')] })
    await pruneTelemetry(ctx)
    expect(await handle.db.$count(telemetry, eq(telemetry.metric, 'rollup_kept'))).toBe(0)
    expect(await rollupsOf('rollup_kept')).toHaveLength(1)

    const cutoff = ctx.now().getTime() - 400 * 86_400_000
    const old = Array.from({ length: 12_000 }, (_, i) => ({ zoneId: zoneA, deviceId: node.id, metric: 'rollup_aged', minute: new Date(cutoff - (i + 1) * 60_000), count: 1, sum: 1, min: 1, max: 1 }))
    for (let first = 0; first < old.length; first += 3000) await handle.db.insert(telemetryMinutely).values(old.slice(first, first + 3000))
    await handle.db.insert(telemetryMinutely).values({ zoneId: zoneA, deviceId: node.id, metric: 'rollup_aged', minute: new Date(cutoff), count: 1, sum: 1, min: 1, max: 1 })
    expect(await pruneTelemetryRollups(ctx)).toBe(12_000)
    expect(await rollupsOf('rollup_aged')).toHaveLength(1)
    expect(await rollupsOf('rollup_kept')).toHaveLength(1)
    expect(await pruneTelemetryRollups(ctx)).toBe(0)
  }, 30_000) // 12 000 rows written and deleted in slices: slow on a busy 2-core machine, not a speed check

  it('reads RETENTION_DAYS_DOWNSAMPLED, 400 days unless set', () => {
    expect(domainSettings({}).retentionDaysDownsampled).toBe(400)
    expect(domainSettings({ RETENTION_DAYS_DOWNSAMPLED: '730' }).retentionDaysDownsampled).toBe(730)
    expect(() => domainSettings({ RETENTION_DAYS_DOWNSAMPLED: '0' })).toThrow(/RETENTION_DAYS_DOWNSAMPLED/)
  })
})
