// Per-minute rollups of telemetry, kept as data arrives: each ingest batch merges its zoned samples into
// telemetry_minutely in one set-based statement, whatever their timestamps (a backfill lands there too), so the
// rollups are never behind the raw rows and history needs no "not rolled up yet" case.
import { sql } from 'drizzle-orm'
import { arrayParam } from '../../db/bulk-insert'
import type { Database } from '../../db/connection'
import { telemetryMinutely } from '../../db/schema'

export interface RollupSample {
  zoneId: number | null
  deviceId: number
  metric: string
  value: number
  recordedAt: Date
}

/**
 * Merges `samples` into the per-minute rollups through `tx`: grouped per (zone, metric, minute, node) in the
 * statement itself (an upsert may touch a row once), then added to the stored count and sum and widened into its
 * min and max. Samples of nodes outside a zone are left out: no zone history can ask for them.
 */
export async function mergeTelemetryRollups(tx: Database, samples: readonly RollupSample[]): Promise<void> {
  if (samples.length === 0) return
  // Numbers are what is cheap to send: minutes since the epoch, and each metric as its place in the batch's few names.
  const names = new Map<string, number>()
  const metricIndexes = samples.map(sample => names.get(sample.metric) ?? names.set(sample.metric, names.size + 1).size)
  const zones = arrayParam(samples.map(sample => sample.zoneId))
  const devices = arrayParam(samples.map(sample => sample.deviceId))
  const values = arrayParam(samples.map(sample => sample.value))
  const minutes = arrayParam(samples.map(sample => Math.floor(sample.recordedAt.getTime() / 60_000)))
  const rollup = telemetryMinutely
  // Sorted by the key so that concurrent batches lock rows in one order (no deadlock between them).
  await tx.execute(sql`
    INSERT INTO ${rollup} (zone_id, metric, minute, device_id, count, sum, min, max)
    SELECT zone_id, (${arrayParam([...names.keys()])}::text[])[metric_index], to_timestamp(minute_of_epoch * 60::float8), device_id, count(*), sum(value), min(value), max(value)
    FROM unnest(${zones}::integer[], ${devices}::integer[], ${arrayParam(metricIndexes)}::integer[], ${values}::float8[], ${minutes}::integer[])
      AS sample(zone_id, device_id, metric_index, value, minute_of_epoch)
    WHERE zone_id IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (zone_id, metric, minute, device_id) DO UPDATE SET
      count = ${rollup.count} + excluded.count, sum = ${rollup.sum} + excluded.sum,
      min = least(${rollup.min}, excluded.min), max = greatest(${rollup.max}, excluded.max)`)
}
