// Keeps each data point's last value/quality/time: the snapshot a page shows before live readings arrive.
import { sql } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { dataPoints } from '../../db/schema'
import type { ReadingRow } from './resolve-readings'

/**
 * Moves `last_*` of the data points to their newest reading of `rows`, in one statement, and only where
 * that reading is not older than what is stored: late or replayed readings never overwrite newer ones. A stored
 * reading clears the point's read error.
 */
export async function updateLatestValues(tx: Database, rows: ReadingRow[]): Promise<void> {
  const newest = new Map<number, ReadingRow>()
  for (const row of rows) {
    const seen = newest.get(row.dataPointId)
    if (!seen || row.recordedAt.getTime() >= seen.recordedAt.getTime()) newest.set(row.dataPointId, row)
  }
  if (newest.size === 0) return
  const values = sql.join([...newest.values()].map(row =>
    sql`(${row.dataPointId}::integer, ${row.value}::double precision, ${row.quality}::text, ${row.recordedAt.toISOString()}::timestamptz)`), sql`, `)
  await tx.execute(sql`
    UPDATE ${dataPoints} SET last_value = v.value, last_quality = v.quality, last_read_at = v.at, last_error = NULL
    FROM (VALUES ${values}) AS v(id, value, quality, at)
    WHERE ${dataPoints.id} = v.id AND (${dataPoints.lastReadAt} IS NULL OR ${dataPoints.lastReadAt} <= v.at)`)
}
