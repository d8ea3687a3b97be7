// A data point's reading history for charts: raw readings for short ranges, avg/min/max buckets for long ones.
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm'
import type { Quality } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { dataPoints, readings } from '../../db/schema'
import { DomainError } from '../errors'
import type { ReadingSeriesQuery } from './reading-series-schema'

/** Most points one answer holds. */
export const MAX_SERIES_POINTS = 500
export const DEFAULT_RANGE_MS = 24 * 3_600_000
export const MAX_RANGE_MS = 366 * 86_400_000

/** Bucket widths (seconds) a chart's time axis reads well. */
const NICE_WIDTHS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]
/** Buckets are aligned on this origin, so the same range always gets the same buckets. */
const BUCKET_ORIGIN = '2000-01-01T00:00:00Z'

export type ReadingSeries = { dataPointId: number, from: string, to: string } & (
  | { resolution: 'raw', bucketSeconds: null, points: Array<{ at: string, value: number, quality: Quality }> }
  | { resolution: 'bucket', bucketSeconds: number, points: Array<{ at: string, value: number, min: number, max: number, count: number }> }
)

/** The data point (404 when it is not the gateway's) and range a reading query asks for (400 naming `from` when it is empty or too long). */
export async function readingRange(db: Database, gatewayId: number, query: Pick<ReadingSeriesQuery, 'dataPointId' | 'from' | 'to'>, now: Date): Promise<{ point: { id: number }, from: Date, to: Date }> {
  const to = query.to ? new Date(query.to) : now
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS)
  if (from.getTime() >= to.getTime()) throw new DomainError(400, 'from', 'must be before to')
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw new DomainError(400, 'from', 'the range may span at most 366 days')
  const [point] = await db.select({ id: dataPoints.id }).from(dataPoints).where(and(eq(dataPoints.id, query.dataPointId), eq(dataPoints.gatewayId, gatewayId)))
  if (!point) throw new DomainError(404, 'dataPointId', 'not a data point of this gateway')
  return { point, from, to }
}

/**
 * The rule: when the range [from, to] holds at most MAX_SERIES_POINTS readings they come back raw. Otherwise
 * they are averaged (with min and max) in buckets of the smallest nice width w with range / w <= MAX - 1,
 * binned by date_bin from a fixed origin; such a range touches at most MAX buckets (a partial one at each end).
 * The raw check reads at most MAX + 1 rows, so deciding costs the same for any range.
 */
export async function readingSeries(db: Database, gatewayId: number, query: ReadingSeriesQuery, now: Date): Promise<ReadingSeries> {
  const { point, from, to } = await readingRange(db, gatewayId, query, now)
  const inRange = and(eq(readings.dataPointId, point.id), gte(readings.recordedAt, from), lte(readings.recordedAt, to))
  const range = { dataPointId: point.id, from: from.toISOString(), to: to.toISOString() }

  const raw = await db.select({ at: readings.recordedAt, value: readings.value, quality: readings.quality }).from(readings)
    .where(inRange).orderBy(asc(readings.recordedAt), asc(readings.id)).limit(MAX_SERIES_POINTS + 1)
  if (raw.length <= MAX_SERIES_POINTS) {
    return { ...range, resolution: 'raw', bucketSeconds: null, points: raw.map(row => ({ at: row.at.toISOString(), value: row.value, quality: row.quality })) }
  }
  const seconds = bucketSeconds(to.getTime() - from.getTime())
  const bucketMs = sql<number>`(extract(epoch from date_bin(${`${seconds} seconds`}::interval, ${readings.recordedAt}, ${BUCKET_ORIGIN}::timestamptz)) * 1000)::float8`
  const buckets = await db.select({
    at: bucketMs,
    value: sql<number>`avg(${readings.value})::float8`,
    min: sql<number>`min(${readings.value})::float8`,
    max: sql<number>`max(${readings.value})::float8`,
    count: sql<number>`count(*)::integer`,
  }).from(readings).where(inRange).groupBy(sql`1`).orderBy(sql`1`)
  return {
    ...range, resolution: 'bucket', bucketSeconds: seconds,
    points: buckets.map(bucket => ({ ...bucket, at: new Date(Number(bucket.at)).toISOString(), value: Number(bucket.value), min: Number(bucket.min), max: Number(bucket.max), count: Number(bucket.count) })),
  }
}

/** The bucket width for a range of `rangeMs`: at most MAX - 1 whole widths fit in it. */
export function bucketSeconds(rangeMs: number): number {
  const least = rangeMs / 1000 / (MAX_SERIES_POINTS - 1)
  return NICE_WIDTHS.find(width => width >= least) ?? Math.ceil(least)
}
