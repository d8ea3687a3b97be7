// Keeps each data point's last value/quality/time: the snapshot a page shows before live readings arrive.
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { dataPoints } from '../../db/schema'
import type { ReadingRow } from './resolve-readings'

/**
 * Moves `last_*` of the data points to their newest reading of `rows`, in one statement, and only where
 * that reading is not older than what is stored: late or replayed readings never overwrite newer ones.
 */
export async function updateLatestValues(tx: Database, rows: ReadingRow[]): Promise<void> {
  const newest = new Map<number, ReadingRow>()
  for (const row of rows) {
    const seen = newest.get(row.dataPointId)
    if (!seen || row.recordedAt.getTime() >= seen.recordedAt.getTime()) newest.set(row.dataPointId, row)
  }
  if (newest.size === 0) return
  const latest = [...newest.values()]
  // One array per column, not a VALUES row per data point: the statement stays the same size for any batch.
  const column = <T>(pick: (row: ReadingRow) => T) => sql.param(latest.map(pick))
  await tx.execute(sql`
    UPDATE ${dataPoints} SET last_value = v.value, last_quality = v.quality, last_read_at = v.at
    FROM unnest(${column(row => row.dataPointId)}::integer[], ${column(row => row.value)}::double precision[],
      ${column(row => row.quality)}::text[], ${column(row => row.recordedAt.toISOString())}::timestamptz[]) AS v(id, value, quality, at)
    WHERE ${dataPoints.id} = v.id AND (${dataPoints.lastReadAt} IS NULL OR ${dataPoints.lastReadAt} <= v.at)`)
}
