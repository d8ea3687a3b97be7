// Set-based inserts: a batch's rows go in as one array per column (INSERT … SELECT … FROM unnest), so a batch of
// any size is one statement with as many parameters as columns (no parameter limit, nothing per row to plan),
// and no SQL text is built per row, which is where drizzle's multi-row VALUES spends its time on big batches.
import type { SQL } from 'drizzle-orm'
import { getTableColumns, getTableName, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Database } from './connection'

/** Casts PostgreSQL accepts for an array of each drizzle column type (serials are plain integers once stored). */
const ARRAY_TYPE: Record<string, string> = { serial: 'integer', bigserial: 'bigint' }

/**
 * Inserts `rows` (all with the same keys, the columns written) into `table` in one statement; `onConflict`
 * is appended as it is (`ON CONFLICT …`). Values pass through each column's own driver mapping (dates, JSON).
 */
export async function insertMany<T extends PgTable>(tx: Database, table: T, rows: Array<T['$inferInsert']>, onConflict?: SQL): Promise<void> {
  if (rows.length === 0) return
  const { names, unnested } = unnestedColumns(table, rows)
  await tx.execute(sql`INSERT INTO ${sql.identifier(getTableName(table))} (${names}) SELECT * FROM unnest(${unnested}) ${onConflict ?? sql``}`)
}

/**
 * The columns `rows` write (the keys of the first, all rows alike) as a list of names and the matching list of
 * array parameters for `unnest(…)`, each value through its column's driver mapping (dates, JSON), and how many.
 */
export function unnestedColumns<T extends PgTable>(table: T, rows: Array<T['$inferInsert']>): { names: SQL, unnested: SQL, count: number } {
  const columns = getTableColumns(table) as Record<string, PgColumn>
  const keys = Object.keys(rows[0]!).filter(key => key in columns)
  const unnested = sql.join(keys.map((key) => {
    const column = columns[key]!
    const values = rows.map((row) => {
      const value = (row as Record<string, unknown>)[key]
      return value === null || value === undefined ? null : column.mapToDriverValue(value)
    })
    const type = column.getSQLType()
    return sql`${arrayParam(values)}::${sql.raw(ARRAY_TYPE[type] ?? type)}[]`
  }), sql`, `)
  return { names: sql.join(keys.map(key => sql.identifier(columns[key]!.name)), sql`, `), unnested, count: keys.length }
}

/**
 * One array-typed parameter holding `values` (numbers, strings, booleans or null), for `unnest(…)` and `= ANY(…)`;
 * cast it in the SQL (`::integer[]`). Written as a PostgreSQL array literal here in one pass, which costs a
 * fraction of what the drivers' generic per-element serialisation does on batches of thousands.
 */
export function arrayParam(values: readonly unknown[]): SQL {
  // Numbers alone (most batches' columns) are written by join: no string per element to collect afterwards.
  if (values.every(value => typeof value === 'number')) return sql`${sql.param(`{${values.join(',')}}`)}`
  let literal = '{'
  for (let i = 0; i < values.length; i++) {
    const value = values[i]
    if (i > 0) literal += ','
    if (value === null || value === undefined) literal += 'NULL'
    else if (typeof value === 'number') literal += String(value)
    else literal += `"${String(value).replace(/["\\]/g, '\\$&')}"`
  }
  return sql`${sql.param(`${literal}}`)}`
}
