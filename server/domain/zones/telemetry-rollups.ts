// Per-minute rollups of telemetry, kept as data arrives: each ingest batch merges its zoned samples into
// telemetry_minutely in the statement that stores them, whatever their timestamps (a backfill lands there too), so
// the rollups are never behind the raw rows and history needs no "not rolled up yet" case.
import type { SQL } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import { telemetryMinutely } from '../../db/schema'

/**
 * The INSERT merging the rows of `samples` (a relation with zone_id, device_id, metric, value and at_ms, epoch
 * milliseconds) into the rollups: grouped per (zone, metric, minute, node) first (an upsert may touch a row once),
 * then added to the stored count and sum and widened into its min and max. Samples of nodes outside a zone are left
 * out: no zone history can ask for them.
 */
export function mergeRollupsFrom(samples: SQL): SQL {
  const rollup = telemetryMinutely
  // Sorted by the key so that concurrent batches lock rows in one order (no deadlock between them).
  return sql`
    INSERT INTO ${rollup} (zone_id, metric, minute, device_id, count, sum, min, max)
    SELECT zone_id, metric, to_timestamp(floor(at_ms / 60000) * 60), device_id, count(*), sum(value), min(value), max(value)
    FROM ${samples} WHERE zone_id IS NOT NULL
    GROUP BY 1, 2, 3, 4
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (zone_id, metric, minute, device_id) DO UPDATE SET
      count = ${rollup.count} + excluded.count, sum = ${rollup.sum} + excluded.sum,
      min = least(${rollup.min}, excluded.min), max = greatest(${rollup.max}, excluded.max)`
}
