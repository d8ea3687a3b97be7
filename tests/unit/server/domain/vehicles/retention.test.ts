import { describe, expect, it } from 'vitest'
import { asc } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { positions } from '../../../../../server/db/schema'
import { prunePositions } from '../../../../../server/domain/vehicles/retention'
import { testContext } from '../domain-context'
import { equipmentOf, tenantId, useDemoDatabase } from '../../test-database'

let handle: DatabaseHandle

useDemoDatabase((demo) => {
  handle = demo.handle
})

describe('prunePositions', () => {
  it('deletes positions older than the retention days and keeps the rest', async () => {
    const ctx = testContext(handle, { retentionDays: 7 })
    const northwind = await tenantId(handle.db, 'northwind')
    const [vehicleId] = (await equipmentOf(handle.db, northwind)).vehicles
    const day = 86_400_000
    const now = ctx.now().getTime()
    await handle.db.insert(positions).values([8, 7.01, 6.99, 0].map(days => ({ tenantId: northwind, vehicleId: vehicleId!, lat: days, lon: 0, recordedAt: new Date(now - days * day) })))
    await expect(prunePositions(ctx)).resolves.toBe(2)
    const kept = await handle.db.select({ lat: positions.lat }).from(positions).orderBy(asc(positions.recordedAt))
    expect(kept.map(row => row.lat)).toEqual([6.99, 0])
    await expect(prunePositions(ctx)).resolves.toBe(0)
  })
})
