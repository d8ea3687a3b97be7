// Bucketed history of a range reaching back before the raw window: the per-minute rollups of the older part and
// the raw rows of the recent part (when the range reaches into it), each summed per bucket, then merged per bucket.
import type { SQL } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { telemetry, telemetryMinutely } from '../../db/schema'
import type { HistorySplit } from './telemetry-history-split'

export interface BucketPoint {
  deviceId: number
  at: string
  /** The bucket's average. */
  value: number
  min: number
  max: number
  count: number
}

export interface BucketQuery {
  zoneId: number
  metric: string
  deviceId?: number
  /** Bucket width in seconds, a whole number of minutes. */
  seconds: number
  /** Where buckets start: a minute boundary, so each rollup minute lies in exactly one bucket. */
  origin: Date
}

/** Buckets of `query` over `split`'s parts: avg (sum / count), min, max and count per node and bucket, in time order. */
export async function rollupBuckets(db: Database, query: BucketQuery, split: HistorySplit): Promise<BucketPoint[]> {
  const width = sql`${`${query.seconds} seconds`}::interval`
  const origin = sql`${query.origin.toISOString()}::timestamptz`
  const parts: SQL[] = []
  if (split.rollups) {
    const m = telemetryMinutely
    parts.push(sql`SELECT ${m.deviceId} AS device_id, date_bin(${width}, ${m.minute}, ${origin}) AS bucket, sum(${m.count}) AS count, sum(${m.sum}) AS sum, min(${m.min}) AS min, max(${m.max}) AS max
      FROM ${m} WHERE ${m.zoneId} = ${query.zoneId} AND ${m.metric} = ${query.metric}
      AND ${m.minute} >= ${split.rollups.from.toISOString()}::timestamptz AND ${m.minute} < ${split.rollups.to.toISOString()}::timestamptz
      ${query.deviceId === undefined ? sql`` : sql`AND ${m.deviceId} = ${query.deviceId}`} GROUP BY 1, 2`)
  }
  if (split.raw) {
    const t = telemetry
    parts.push(sql`SELECT ${t.deviceId} AS device_id, date_bin(${width}, ${t.recordedAt}, ${origin}) AS bucket, count(*) AS count, sum(${t.value}) AS sum, min(${t.value}) AS min, max(${t.value}) AS max
      FROM ${t} WHERE ${t.zoneId} = ${query.zoneId} AND ${t.metric} = ${query.metric}
      AND ${t.recordedAt} >= ${split.raw.from.toISOString()}::timestamptz AND ${t.recordedAt} <= ${split.raw.to.toISOString()}::timestamptz
      ${query.deviceId === undefined ? sql`` : sql`AND ${t.deviceId} = ${query.deviceId}`} GROUP BY 1, 2`)
  }
  // Epoch milliseconds rather than a timestamp: both drivers hand back numbers alike, whatever their date parsing.
  const result = await db.execute(sql`
    SELECT device_id, extract(epoch FROM bucket) * 1000 AS at_ms, sum(sum) / sum(count) AS value, min(min) AS min, max(max) AS max, sum(count) AS count
    FROM (${sql.join(parts, sql` UNION ALL `)}) AS part GROUP BY device_id, bucket ORDER BY bucket, device_id`)
  return (result as { rows: Array<Record<string, unknown>> }).rows.map(row => ({
    deviceId: Number(row.device_id),
    at: new Date(Number(row.at_ms)).toISOString(),
    value: Number(row.value),
    min: Number(row.min),
    max: Number(row.max),
    count: Number(row.count),
  }))
}
