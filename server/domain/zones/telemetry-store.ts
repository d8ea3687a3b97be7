// Stores a batch of telemetry in one statement: the sending nodes are locked and marked seen, and the raw rows, the
// per-minute rollups and the latest value per node and metric are written by data-modifying parts of the same query
// over one set of arrays, so the batch is sent (and parsed) once, as numbers where it can be: times as epoch
// milliseconds, nodes and metrics as indexes into the batch's few uids and names.
import { sql } from 'drizzle-orm'
import type { DevicePayload } from '../../../shared/events'
import { arrayParam } from '../../db/bulk-insert'
import type { Database } from '../../db/connection'
import { devices, telemetryLatest } from '../../db/schema'
import { mergeRollupsFrom } from './telemetry-rollups'

/** A batch of samples as one array per column, in the order they were sent. */
export interface SampleColumns {
  /** The uids the samples name, each once. */
  uids: string[]
  /** Per sample: its node's place in `uids`. */
  nodes: number[]
  metrics: string[]
  values: number[]
  /** Milliseconds since the epoch. */
  times: number[]
}

/** What ingest needs of a node: where its samples go and what its `device.updated` says. */
export type SendingNode = Omit<DevicePayload, 'lastSeenAt'> & { lastSeenAt: Date }

/**
 * Stores `batch` for `tenantId` through `tx` and answers the live nodes of the tenant with its uids (an unknown uid
 * is left out, and so are its samples: the caller refuses the batch then). The nodes are locked in id order and
 * marked seen at `now` first: concurrent requests of one node queue here, so threshold checks that follow see each
 * other's alerts. Every sample becomes a telemetry row (in batch order) and is merged into the rollups, and the
 * newest of each (node, metric) becomes its latest value unless a newer one is stored (the later one of the batch
 * on a tie). The parts of one statement do not see each other's rows; none needs to.
 */
export async function storeTelemetry(tx: Database, tenantId: number, now: Date, batch: SampleColumns): Promise<SendingNode[]> {
  const names = new Map<string, number>()
  const metricIndexes = batch.metrics.map(metric => names.get(metric) ?? names.set(metric, names.size + 1).size)
  const uids = sql`${arrayParam(batch.uids)}::text[]`
  const latest = telemetryLatest
  const result = await tx.execute(sql`
    WITH node AS (
      UPDATE ${devices} SET last_seen_at = ${now.toISOString()}::timestamptz
      WHERE id IN (SELECT id FROM ${devices} WHERE tenant_id = ${tenantId} AND uid = ANY(${uids}) AND archived_at IS NULL ORDER BY id FOR UPDATE)
      RETURNING id, tenant_id, zone_id, uid, name, kind
    ),
    sample AS MATERIALIZED (
      SELECT node.zone_id, node.id AS device_id, (${arrayParam([...names.keys()])}::text[])[metric_index] AS metric, value, at_ms, position
      FROM unnest(${arrayParam(batch.nodes)}::integer[], ${arrayParam(metricIndexes)}::integer[], ${arrayParam(batch.values)}::float8[], ${arrayParam(batch.times)}::float8[])
        WITH ORDINALITY AS input(node_index, metric_index, value, at_ms, position)
      JOIN node ON node.uid = (${uids})[node_index]
    ),
    raw AS (
      INSERT INTO telemetry (tenant_id, zone_id, device_id, metric, value, recorded_at)
      SELECT ${tenantId}::integer, zone_id, device_id, metric, value, to_timestamp(at_ms / 1000) FROM sample ORDER BY position
    ),
    rollup AS (${mergeRollupsFrom(sql`sample`)}),
    newest AS (
      INSERT INTO ${latest} (device_id, metric, zone_id, value, recorded_at)
      SELECT DISTINCT ON (device_id, metric) device_id, metric, zone_id, value, to_timestamp(at_ms / 1000)
      FROM sample ORDER BY device_id, metric, at_ms DESC, position DESC
      ON CONFLICT (device_id, metric) DO UPDATE SET value = excluded.value, recorded_at = excluded.recorded_at, zone_id = excluded.zone_id
      WHERE ${latest.recordedAt} <= excluded.recorded_at
    )
    SELECT id, tenant_id, zone_id, uid, name, kind FROM node`)
  return (result as unknown as { rows: Array<Record<string, unknown>> }).rows.map(row => ({
    id: Number(row.id),
    tenantId: Number(row.tenant_id),
    zoneId: row.zone_id === null ? null : Number(row.zone_id),
    uid: String(row.uid),
    name: String(row.name),
    kind: String(row.kind),
    lastSeenAt: now,
  }))
}
