// Telemetry history of a zone for charts: raw points when there are few, else downsampled buckets; ranges reaching
// back before the raw window are answered in buckets from the per-minute rollups (telemetry-rollup-history.ts).
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { telemetry } from '../../db/schema'
import { DomainError } from '../errors'
import type { TelemetryHistoryQuery } from './telemetry-history-schema'
import { MAX_HISTORY_DAYS } from './telemetry-history-schema'
import { minuteStart, RAW_HISTORY_DAYS, splitHistoryRange } from './telemetry-history-split'
import { rollupBuckets } from './telemetry-rollup-history'

/** Points a chart needs at most per node: more than a chart is wide only costs transfer and drawing. */
export const MAX_POINTS = 500

/** Range when `from` is not given. */
export const DEFAULT_RANGE_MS = 3_600_000

/** Bucket widths in seconds; the chosen width is the first one wide enough, so buckets fall on round times. */
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400]

export interface HistoryPoint {
  deviceId: number
  at: string
  /** The value, or the bucket's average. */
  value: number
  min?: number
  max?: number
  count?: number
}

export interface TelemetryHistory {
  metric: string
  from: string
  to: string
  mode: 'raw' | 'buckets'
  bucketSeconds: number | null
  points: HistoryPoint[]
}

/** The width that splits `rangeMs` into at most MAX_POINTS buckets (a range exactly divisible gets one more). */
export function bucketSecondsFor(rangeMs: number): number {
  const needed = Math.floor(rangeMs / 1000 / MAX_POINTS) + 1
  return STEPS.find(step => step >= needed) ?? Math.ceil(needed / 86_400) * 86_400
}

/** The range a telemetry query asks for: `to` defaults to now, `from` to an hour before; 400 naming `from` when empty or too long. */
export function telemetryRange(query: Pick<TelemetryHistoryQuery, 'from' | 'to'>, now: Date): { from: Date, to: Date } {
  const to = query.to ? new Date(query.to) : now
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_RANGE_MS)
  if (from >= to) throw new DomainError(400, 'from', 'must be before to')
  if (to.getTime() - from.getTime() > MAX_HISTORY_DAYS * 86_400_000) throw new DomainError(400, 'from', `at most ${MAX_HISTORY_DAYS} days before to`)
  return { from, to }
}

/**
 * One metric of zone `zoneId` between `from` (default: an hour before `to`) and `to` (default: now), both
 * included. The rule: when the range holds at most MAX_POINTS samples (a short range, or a sparse one)
 * they come back raw, as recorded; otherwise the range is cut into buckets of bucketSecondsFor(range)
 * aligned on `from` (date_bin), each with the avg/min/max/count of a node's samples in it, so a
 * series never has more than MAX_POINTS points however long the range is. A range starting more than
 * `rawDays` before now always comes in buckets, at least a minute wide and aligned on from's minute: the
 * part before the raw window from the per-minute rollups, the rest from raw rows.
 */
export async function telemetryHistory(db: Database, zoneId: number, query: TelemetryHistoryQuery, now: Date, rawDays = RAW_HISTORY_DAYS): Promise<TelemetryHistory> {
  const { from, to } = telemetryRange(query, now)
  const base = { metric: query.metric, from: from.toISOString(), to: to.toISOString() }
  const split = splitHistoryRange(from, to, now, rawDays)
  if (split.rollups) {
    const seconds = Math.max(60, bucketSecondsFor(to.getTime() - from.getTime()))
    const points = await rollupBuckets(db, { zoneId, metric: query.metric, deviceId: query.deviceId, seconds, origin: minuteStart(from) }, split)
    return { ...base, mode: 'buckets', bucketSeconds: seconds, points }
  }
  const where = and(
    eq(telemetry.zoneId, zoneId), eq(telemetry.metric, query.metric), gte(telemetry.recordedAt, from), lte(telemetry.recordedAt, to),
    query.deviceId === undefined ? undefined : eq(telemetry.deviceId, query.deviceId),
  )
  const raw = await db.select({ deviceId: telemetry.deviceId, at: telemetry.recordedAt, value: telemetry.value }).from(telemetry)
    .where(where).orderBy(asc(telemetry.recordedAt), asc(telemetry.id)).limit(MAX_POINTS + 1)
  if (raw.length <= MAX_POINTS) {
    return { ...base, mode: 'raw', bucketSeconds: null, points: raw.map(point => ({ ...point, at: point.at.toISOString() })) }
  }
  const seconds = bucketSecondsFor(to.getTime() - from.getTime())
  // Inlined, not bound: the SELECT and GROUP BY expressions must be the same text. Both are values built
  // here (an integer and a Date's ISO string), never text from the request.
  const bucket = sql`date_bin(${sql.raw(`'${seconds} seconds'::interval`)}, ${telemetry.recordedAt}, ${sql.raw(`'${from.toISOString()}'::timestamptz`)})`
  const rows = await db.select({
    deviceId: telemetry.deviceId,
    at: bucket.mapWith(telemetry.recordedAt),
    value: sql`avg(${telemetry.value})`.mapWith(Number),
    min: sql`min(${telemetry.value})`.mapWith(Number),
    max: sql`max(${telemetry.value})`.mapWith(Number),
    count: sql`count(*)`.mapWith(Number),
  }).from(telemetry).where(where).groupBy(telemetry.deviceId, bucket).orderBy(bucket, telemetry.deviceId)
  return { ...base, mode: 'buckets', bucketSeconds: seconds, points: rows.map(point => ({ ...point, at: (point.at as Date).toISOString() })) }
}
