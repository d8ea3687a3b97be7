// Set-based inserts that hand the stored rows back (ids, defaults): what insertMany does, plus RETURNING, for
// batches whose rows are announced after the commit (geo events, notifications, activity of an ingest batch).
import { getTableColumns, getTableName, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import { unnestedColumns } from './bulk-insert'
import type { Database } from './connection'

/**
 * Inserts `rows` (all with the same keys) into `table` in one statement and returns the stored rows, typed as a
 * select of the table would give them, in the order of `rows` (the statement inserts them in that order, so
 * serial ids ascend along it; the rows are sorted by them here as RETURNING promises no order).
 */
export async function insertManyReturning<T extends PgTable & { id: PgColumn }>(tx: Database, table: T, rows: Array<T['$inferInsert']>): Promise<Array<T['$inferSelect']>> {
  if (rows.length === 0) return []
  const columns = getTableColumns(table) as Record<string, PgColumn>
  const { names, unnested, count } = unnestedColumns(table, rows)
  const aliases = sql.join(Array.from({ length: count }, (_, index) => sql.identifier(`c${index}`)), sql`, `)
  const result = await tx.execute(sql`
    INSERT INTO ${sql.identifier(getTableName(table))} (${names})
    SELECT ${aliases} FROM unnest(${unnested}) WITH ORDINALITY AS r(${aliases}, ord) ORDER BY ord
    RETURNING *`)
  const stored = (result as unknown as { rows: Array<Record<string, unknown>> }).rows.map((raw) => {
    const row: Record<string, unknown> = {}
    for (const [key, column] of Object.entries(columns)) {
      const value = raw[column.name]
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value)
    }
    return row as T['$inferSelect']
  })
  return stored.sort((a, b) => (a as { id: number }).id - (b as { id: number }).id)
}
