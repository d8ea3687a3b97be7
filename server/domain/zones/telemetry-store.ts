// Stores a batch of telemetry in one statement: the raw rows, the per-minute rollups and the latest value per node
// and metric are data-modifying parts of one query over one set of arrays, so the batch is sent (and parsed) once,
// as numbers where it can be: times as epoch milliseconds, metrics as indexes into the batch's few names.
import { sql } from 'drizzle-orm'
import { arrayParam } from '../../db/bulk-insert'
import type { Database } from '../../db/connection'
import { telemetryLatest } from '../../db/schema'
import { mergeRollupsFrom } from './telemetry-rollups'

/** A batch of samples as one array per column, in the order they were sent. */
export interface SampleColumns {
  zoneIds: Array<number | null>
  deviceIds: number[]
  metrics: string[]
  values: number[]
  /** Milliseconds since the epoch. */
  times: number[]
}

/**
 * Stores `batch` for `tenantId` through `tx`: every sample as a telemetry row (in batch order), merged into the
 * rollups, and the newest sample of each (node, metric) as its latest value unless a newer one is stored (the later
 * one of the batch on a tie). The parts of one statement do not see each other's rows; none needs to.
 */
export async function storeTelemetry(tx: Database, tenantId: number, batch: SampleColumns): Promise<void> {
  if (batch.deviceIds.length === 0) return
  const names = new Map<string, number>()
  const metricIndexes = batch.metrics.map(metric => names.get(metric) ?? names.set(metric, names.size + 1).size)
  const latest = telemetryLatest
  await tx.execute(sql`
    WITH sample AS MATERIALIZED (
      SELECT zone_id, device_id, (${arrayParam([...names.keys()])}::text[])[metric_index] AS metric, value, at_ms, position
      FROM unnest(${arrayParam(batch.zoneIds)}::integer[], ${arrayParam(batch.deviceIds)}::integer[], ${arrayParam(metricIndexes)}::integer[],
        ${arrayParam(batch.values)}::float8[], ${arrayParam(batch.times)}::float8[]) WITH ORDINALITY AS input(zone_id, device_id, metric_index, value, at_ms, position)
    ),
    raw AS (
      INSERT INTO telemetry (tenant_id, zone_id, device_id, metric, value, recorded_at)
      SELECT ${tenantId}::integer, zone_id, device_id, metric, value, to_timestamp(at_ms / 1000) FROM sample ORDER BY position
    ),
    rollup AS (${mergeRollupsFrom(sql`sample`)})
    INSERT INTO ${latest} (device_id, metric, zone_id, value, recorded_at)
    SELECT DISTINCT ON (device_id, metric) device_id, metric, zone_id, value, to_timestamp(at_ms / 1000)
    FROM sample ORDER BY device_id, metric, at_ms DESC, position DESC
    ON CONFLICT (device_id, metric) DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at, zone_id = excluded.zone_id
    WHERE ${latest.recordedAt} <= excluded.recorded_at`)
}
