// The embedded database has no autovacuum: the tables ingest rewrites are vacuumed by a job; PostgreSQL's are left to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { analyzeEmbeddedDatabase, REWRITTEN_TABLES, vacuumRewrittenTables } from '../../../../server/db/embedded-vacuum'
import { createEmptyDatabase, TEST_DATABASE_KIND } from '../test-database'

let handle: DatabaseHandle

beforeAll(async () => {
  handle = await createEmptyDatabase()
}, 30_000)
afterAll(() => handle.close())

async function manuallyVacuumed(): Promise<string[]> {
  const result = await handle.db.execute(sql`SELECT relname FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL ORDER BY relname`)
  return (result as unknown as { rows: Array<{ relname: string }> }).rows.map(row => row.relname)
}

describe('vacuumRewrittenTables', () => {
  it(TEST_DATABASE_KIND === 'embedded' ? 'vacuums every table ingest rewrites, and no other' : 'leaves PostgreSQL to its autovacuum', async () => {
    expect(await manuallyVacuumed()).toEqual([])
    await vacuumRewrittenTables(handle)
    expect(await manuallyVacuumed()).toEqual(TEST_DATABASE_KIND === 'embedded' ? [...REWRITTEN_TABLES].sort() : [])
  })
})

async function analyzed(): Promise<string[]> {
  const result = await handle.db.execute(sql`SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL ORDER BY relname`)
  return (result as unknown as { rows: Array<{ relname: string }> }).rows.map(row => row.relname)
}

describe('analyzeEmbeddedDatabase', () => {
  it(TEST_DATABASE_KIND === 'embedded' ? 'gathers planner statistics of every table' : 'leaves PostgreSQL to its autoanalyze', async () => {
    const before = await analyzed()
    await analyzeEmbeddedDatabase(handle)
    const after = await analyzed()
    if (TEST_DATABASE_KIND === 'embedded') {
      expect(after).toEqual(expect.arrayContaining(['positions', 'telemetry', 'vehicles']))
      expect(after.length).toBeGreaterThan(before.length)
    }
    else {
      expect(after).toEqual(before)
    }
  })
})
