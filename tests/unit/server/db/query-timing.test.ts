import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../server/db/connection'
import type { QueryOperation } from '../../../../server/db/query-timing'
import { queryOperation } from '../../../../server/db/query-timing'
import { tenants } from '../../../../server/db/schema'
import { createEmptyDatabase, TEST_DATABASE_KIND } from '../test-database'

let handle: DatabaseHandle
const observed: Array<{ operation: QueryOperation, seconds: number }> = []

beforeAll(async () => {
  handle = await createEmptyDatabase((operation, seconds) => observed.push({ operation, seconds }))
}, 30_000)
afterAll(() => handle.close())

describe('queryOperation', () => {
  it('names a statement by its first word, whatever its case and leading space, and never by more', () => {
    expect(queryOperation('select "id" from "tenants"')).toBe('select')
    expect(queryOperation('\n  INSERT INTO telemetry SELECT * FROM unnest($1)')).toBe('insert')
    expect(queryOperation('(select 1) union (select 2)')).toBe('select')
    expect(queryOperation('update devices set x = 1')).toBe('update')
    expect(queryOperation('delete from telemetry_minutely')).toBe('delete')
    expect(queryOperation('begin')).toBe('transaction')
    expect(queryOperation('COMMIT')).toBe('transaction')
    expect(queryOperation('savepoint sp1')).toBe('transaction')
    expect(queryOperation('with x as (select 1) select * from x')).toBe('other')
    expect(queryOperation('CREATE TABLE secret_name (id int)')).toBe('other')
    expect(queryOperation('')).toBe('other')
  })
})

describe(`statement timing on the ${TEST_DATABASE_KIND} database`, () => {
  it('reports every statement, in and out of transactions, with its kind and a duration', async () => {
    observed.length = 0
    await handle.db.select().from(tenants)
    await handle.db.transaction(async (tx) => {
      const [tenant] = await tx.insert(tenants).values({ name: 'Timed', slug: 'timed' }).returning()
      await tx.update(tenants).set({ name: 'Timed too' }).where(sql`${tenants.id} = ${tenant!.id}`)
      await tx.delete(tenants).where(sql`${tenants.id} = ${tenant!.id}`)
    })
    const operations = observed.map(item => item.operation)
    // PostgreSQL's BEGIN and COMMIT are statements of their own; PGlite runs them inside its transaction().
    expect(operations).toEqual(TEST_DATABASE_KIND === 'postgres'
      ? ['select', 'transaction', 'insert', 'update', 'delete', 'transaction']
      : ['select', 'insert', 'update', 'delete'])
    for (const { seconds } of observed) expect(seconds).toBeGreaterThanOrEqual(0)
  })

  it('reports a statement that failed too, and the failure still reaches the caller', async () => {
    observed.length = 0
    await expect(handle.db.execute(sql`select * from no_such_table`)).rejects.toThrow(/no_such_table/)
    expect(observed.map(item => item.operation)).toEqual(['select'])
  })
})
