import { describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { telemetry } from '../../../../../server/db/schema'
import { bucketSecondsFor, MAX_POINTS, telemetryHistory } from '../../../../../server/domain/zones/telemetry-history'
import { telemetryHistoryQuery } from '../../../../../server/domain/zones/telemetry-history-schema'
import { useDemoDatabase } from '../../test-database'
import { nodeOf } from './zone-fixtures'

let handle: DatabaseHandle
let greenfield: number
let zoneA: number
let zoneB: number
let nodeA: number

const START = Date.parse('2026-05-01T00:00:00Z')
const DAYS = 30
const STEP_MS = 5 * 60_000
const now = new Date(START + DAYS * 86_400_000)
/** A raw window holding all of the data: these tests are about the raw path (telemetry-rollups.test.ts has the rollups'). */
const ALL_RAW = DAYS + 1

useDemoDatabase(async (demo) => {
  ({ handle, greenfield, zoneA, zoneB } = demo)
  nodeA = (await nodeOf(handle.db, zoneA)).id
  const nodeB = (await nodeOf(handle.db, zoneB)).id
  // 30 days every 5 minutes (8640 rows) in a sine wave, inserted in batches; plus a few rows of another zone.
  const rows = Array.from({ length: (DAYS * 86_400_000) / STEP_MS }, (_, i) => ({
    tenantId: greenfield, zoneId: zoneA, deviceId: nodeA, metric: 'temperature', value: 22 + 3 * Math.sin(i / 50), recordedAt: new Date(START + i * STEP_MS),
  }))
  for (let start = 0; start < rows.length; start += 2000) await handle.db.insert(telemetry).values(rows.slice(start, start + 2000))
  await handle.db.insert(telemetry).values([{ tenantId: greenfield, zoneId: zoneB, deviceId: nodeB, metric: 'temperature', value: 99, recordedAt: new Date(START) }])
})

describe('telemetryHistory', () => {
  it('returns raw points, in time order, for a short range', async () => {
    const history = await telemetryHistory(handle.db, zoneA, { metric: 'temperature', from: '2026-05-01T00:00:00Z', to: '2026-05-01T01:00:00Z' }, now, ALL_RAW)
    expect(history.mode).toBe('raw')
    expect(history.bucketSeconds).toBeNull()
    expect(history.points).toHaveLength(13)
    expect(history.points[0]).toEqual({ deviceId: nodeA, at: '2026-05-01T00:00:00.000Z', value: 22 })
    expect(history.points.at(-1)!.at).toBe('2026-05-01T01:00:00.000Z')
  })

  it('downsamples a long range to at most 500 buckets with avg, min and max', async () => {
    const history = await telemetryHistory(handle.db, zoneA, { metric: 'temperature', from: '2026-05-01T00:00:00Z', to: '2026-05-31T00:00:00Z' }, now, ALL_RAW)
    expect(history.mode).toBe('buckets')
    expect(history.points.length).toBeLessThanOrEqual(MAX_POINTS)
    expect(history.points.length).toBeGreaterThan(MAX_POINTS / 2)
    expect(history.bucketSeconds).toBe(bucketSecondsFor(30 * 86_400_000))
    const total = history.points.reduce((sum, point) => sum + point.count!, 0)
    expect(total).toBe(DAYS * 86_400_000 / STEP_MS)
    for (const point of history.points) {
      expect(point.min!).toBeLessThanOrEqual(point.value)
      expect(point.max!).toBeGreaterThanOrEqual(point.value)
      expect(Date.parse(point.at) % (history.bucketSeconds! * 1000)).toBe(START % (history.bucketSeconds! * 1000))
    }
    expect(history.points[0]!.at).toBe('2026-05-01T00:00:00.000Z')
  })

  it('keeps to the zone, the metric and the node asked for', async () => {
    const range = { from: '2026-05-01T00:00:00Z', to: '2026-05-01T00:30:00Z' }
    expect((await telemetryHistory(handle.db, zoneB, { metric: 'temperature', ...range }, now, ALL_RAW)).points.map(point => point.value)).toEqual([99])
    expect((await telemetryHistory(handle.db, zoneA, { metric: 'humidity', ...range }, now, ALL_RAW)).points).toEqual([])
    expect((await telemetryHistory(handle.db, zoneA, { metric: 'temperature', deviceId: nodeA + 1000, ...range }, now, ALL_RAW)).points).toEqual([])
  })

  it('defaults to the hour before now', async () => {
    const history = await telemetryHistory(handle.db, zoneA, { metric: 'temperature' }, now, ALL_RAW)
    expect(history.from).toBe(new Date(now.getTime() - 3_600_000).toISOString())
    expect(history.to).toBe(now.toISOString())
    expect(history.points).toHaveLength(12)
  })

  it('refuses a range that ends before it starts', async () => {
    await expect(telemetryHistory(handle.db, zoneA, { metric: 'temperature', to: '2026-04-01T00:00:00Z', from: '2026-05-01T00:00:00Z' }, now, ALL_RAW))
      .rejects.toMatchObject({ status: 400, field: 'from' })
    expect(telemetryHistoryQuery.safeParse({ metric: 'ph', from: '2026-05-02T00:00:00Z', to: '2026-05-01T00:00:00Z' }).error?.issues[0]!.path).toEqual(['from'])
  })
})

describe('bucketSecondsFor', () => {
  it('never makes more than 500 buckets and picks round widths', () => {
    for (const rangeMs of [60_000, 3_600_000, 86_400_000, 7 * 86_400_000, 30 * 86_400_000, 400 * 86_400_000]) {
      const seconds = bucketSecondsFor(rangeMs)
      expect(Math.floor(rangeMs / 1000 / seconds) + 1).toBeLessThanOrEqual(MAX_POINTS)
    }
    expect(bucketSecondsFor(86_400_000)).toBe(300)
    expect(bucketSecondsFor(500_000)).toBe(2)
  })
})
