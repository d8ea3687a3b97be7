import { describe, expect, it } from 'vitest'
import { and, eq, gte, lte } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { readings } from '../../../../../server/db/schema'
import { bucketSeconds, MAX_RANGE_MS, MAX_SERIES_POINTS, readingSeries } from '../../../../../server/domain/gateways/reading-series'
import { readingSeriesQuerySchema } from '../../../../../server/domain/gateways/reading-series-schema'
import { useDemoDatabase } from '../../test-database'
import type { TestGateway } from './gateway-fixtures'
import { createGateway } from './gateway-fixtures'

let handle: DatabaseHandle
let gateway: TestGateway
let other: TestGateway
const T0 = new Date('2026-06-01T08:00:00Z').getTime()
const MINUTE = 60_000
const iso = (ms: number) => new Date(ms).toISOString()
const series = (dataPointId: number, from: number, to: number) =>
  readingSeries(handle.db, gateway.id, { dataPointId, from: iso(from), to: iso(to) }, new Date(T0 + 86_400_000))

useDemoDatabase(async (demo) => {
  handle = demo.handle
  const greenfield = demo.greenfield
  gateway = await createGateway(handle.db, greenfield, { points: [{ register: 0, scale: 1 }, { register: 1, scale: 1 }] })
  other = await createGateway(handle.db, greenfield)
  // Register 0: one reading a minute for 20 hours, value = minute index. Register 1: one every 10 s for ~14 hours.
  await handle.db.insert(readings).values(Array.from({ length: 1200 }, (_, index) => ({
    gatewayId: gateway.id, dataPointId: gateway.points[0]!, value: index, quality: 'good' as const, recordedAt: new Date(T0 + index * MINUTE),
  })))
  await handle.db.insert(readings).values(Array.from({ length: 5000 }, (_, index) => ({
    gatewayId: gateway.id, dataPointId: gateway.points[1]!, value: Math.sin(index / 50), quality: 'good' as const, recordedAt: new Date(T0 + index * 10_000),
  })))
})

describe('readingSeries', () => {
  it('returns the raw readings, both ends included, for a range holding at most 500 of them', async () => {
    const result = await series(gateway.points[0]!, T0, T0 + 60 * MINUTE)
    expect(result).toMatchObject({ resolution: 'raw', bucketSeconds: null, from: iso(T0), to: iso(T0 + 60 * MINUTE) })
    expect(result.points).toHaveLength(61)
    expect(result.points[0]).toEqual({ at: iso(T0), value: 0, quality: 'good' })
    expect(result.points[60]).toEqual({ at: iso(T0 + 60 * MINUTE), value: 60, quality: 'good' })
  })

  it('switches from raw to buckets above 500 readings', async () => {
    const exactly500 = await series(gateway.points[0]!, T0, T0 + 499 * MINUTE)
    expect(exactly500.resolution).toBe('raw')
    expect(exactly500.points).toHaveLength(500)
    const over = await series(gateway.points[0]!, T0, T0 + 500 * MINUTE)
    expect(over).toMatchObject({ resolution: 'bucket', bucketSeconds: 120 })
    expect(over.points).toHaveLength(251)
  })

  it('downsamples 20 hours of minute readings into 240 five-minute buckets with avg, min, max and count', async () => {
    const result = await series(gateway.points[0]!, T0, T0 + 1200 * MINUTE)
    expect(result).toMatchObject({ resolution: 'bucket', bucketSeconds: 300 })
    if (result.resolution !== 'bucket') throw new Error('expected buckets')
    expect(result.points).toHaveLength(240)
    expect(result.points[0]).toEqual({ at: iso(T0), value: 2, min: 0, max: 4, count: 5 })
    expect(result.points[239]).toEqual({ at: iso(T0 + 1195 * MINUTE), value: 1197, min: 1195, max: 1199, count: 5 })
    expect(result.points.reduce((sum, point) => sum + point.count, 0)).toBe(1200)
  })

  it.each([
    [7_000, 2 * 3_600_000 + 3_000],
    [0, 5000 * 10_000],
    [123_456, 10 * 3_600_000 + 654_321],
    [-86_400_000, 86_400_000 * 2],
  ])('never answers more than 500 points and counts every reading once (offsets %i..%i ms)', async (fromOffset, toOffset) => {
    const from = T0 + fromOffset
    const to = T0 + toOffset
    const point = gateway.points[1]!
    const result = await series(point, from, to)
    const expected = await handle.db.$count(readings, and(eq(readings.dataPointId, point), gte(readings.recordedAt, new Date(from)), lte(readings.recordedAt, new Date(to))))
    expect(result.resolution).toBe('bucket')
    if (result.resolution !== 'bucket') throw new Error('expected buckets')
    expect(result.points.length).toBeLessThanOrEqual(MAX_SERIES_POINTS)
    expect(result.points.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(expected)
    const starts = result.points.map(bucket => Date.parse(bucket.at))
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(starts[0]! % (result.bucketSeconds * 1000)).toBe(0)
  })

  it('defaults to the 24 hours before now', async () => {
    const now = new Date(T0 + 20 * 3_600_000)
    const result = await readingSeries(handle.db, gateway.id, { dataPointId: gateway.points[0]! }, now)
    expect(result).toMatchObject({ from: iso(now.getTime() - 86_400_000), to: now.toISOString(), resolution: 'bucket' })
  })

  it('refuses a data point of another gateway as unknown (404 on dataPointId)', async () => {
    await expect(series(other.points[0]!, T0, T0 + MINUTE)).rejects.toMatchObject({ status: 404, field: 'dataPointId' })
  })

  it('refuses an empty or reversed range and one longer than 366 days (400 on from)', async () => {
    await expect(series(gateway.points[0]!, T0, T0)).rejects.toMatchObject({ status: 400, field: 'from' })
    await expect(series(gateway.points[0]!, T0 + 1, T0)).rejects.toMatchObject({ status: 400, field: 'from' })
    await expect(series(gateway.points[0]!, T0 - MAX_RANGE_MS - 1, T0)).rejects.toMatchObject({ status: 400, field: 'from' })
  })
})

describe('bucketSeconds', () => {
  it('picks the smallest nice width that fits at most 499 whole widths into the range', () => {
    expect(bucketSeconds(499_000)).toBe(1)
    expect(bucketSeconds(499_001)).toBe(2)
    expect(bucketSeconds(3_600_000)).toBe(10)
    expect(bucketSeconds(86_400_000)).toBe(300)
    expect(bucketSeconds(MAX_RANGE_MS)).toBe(86_400)
    for (let range = 1_000; range <= MAX_RANGE_MS; range = Math.ceil(range * 1.37)) {
      expect(range / (bucketSeconds(range) * 1000)).toBeLessThanOrEqual(MAX_SERIES_POINTS - 1)
    }
  })
})

describe('readingSeriesQuerySchema', () => {
  it('requires a data point id and ISO times, naming the field', () => {
    const fields = (query: unknown) => {
      const result = readingSeriesQuerySchema.safeParse(query)
      return result.success ? null : result.error.issues.map(issue => issue.path.join('.'))
    }
    expect(fields({ dataPointId: '3', from: '2026-06-01T00:00:00Z' })).toBeNull()
    expect(fields({})).toEqual(['dataPointId'])
    expect(fields({ dataPointId: '0' })).toEqual(['dataPointId'])
    expect(fields({ dataPointId: '3', from: 'today' })).toEqual(['from'])
    expect(fields({ dataPointId: '3', to: '2026-06-01' })).toEqual(['to'])
  })
})
