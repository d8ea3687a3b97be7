// A set-based insert that returns the stored rows: ids, defaults and typed values, in the order given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { insertManyReturning } from '../../../../server/db/bulk-insert-returning'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { activityEvents } from '../../../../server/db/schema'
import { createTestDatabase, tenantId } from '../test-database'

let handle: DatabaseHandle
let tenant: number

beforeAll(async () => {
  handle = await createTestDatabase()
  tenant = await tenantId(handle.db, 'greenfield')
}, 60_000)
afterAll(() => handle.close())

describe('insertManyReturning', () => {
  it('returns every stored row as a select would, ids ascending in the order of the rows given', async () => {
    const at = (second: number) => new Date(Date.UTC(2026, 2, 1, 0, 0, second, 123))
    const rows = Array.from({ length: 300 }, (_, i) => ({
      tenantId: tenant, kind: `batch.${i % 3}`, message: `row "${i}" \\ done`, messageCode: i % 2 === 0 ? 'messages.x' : null,
      messageParams: { n: i, text: 'a,{b}' }, subject: { index: i }, createdAt: at(i),
    }))
    const returned = await insertManyReturning(handle.db, activityEvents, rows)
    const stored = await handle.db.select().from(activityEvents).where(eq(activityEvents.tenantId, tenant)).orderBy(asc(activityEvents.id))
    expect(returned).toEqual(stored.filter(row => row.kind.startsWith('batch.')))
    expect(returned.map(row => row.subject)).toEqual(rows.map(row => row.subject))
    expect(returned.map(row => row.createdAt)).toEqual(rows.map(row => row.createdAt))
    expect(returned[1]).toMatchObject({ messageCode: null, actorUserId: null, message: 'row "1" \\ done', messageParams: { n: 1, text: 'a,{b}' } })
  })

  it('stores nothing and returns nothing for no rows', async () => {
    await expect(insertManyReturning(handle.db, activityEvents, [])).resolves.toEqual([])
  })
})
