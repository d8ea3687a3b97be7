import { describe, expect, it } from 'vitest'
import { asc } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { readings } from '../../../../../server/db/schema'
import { pruneReadings } from '../../../../../server/domain/gateways/retention'
import { tenantId, useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import { createGateway } from './gateway-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
const DAY = 86_400_000

useDemoDatabase((demo) => {
  handle = demo.handle
  ctx = testContext(handle, { retentionDays: 30 })
})

describe('pruneReadings', () => {
  it('deletes readings older than the retention days, in batches, and keeps the rest', async () => {
    const gateway = await createGateway(handle.db, await tenantId(handle.db, 'northwind'))
    const now = ctx.now().getTime()
    const ages = [45 * DAY, 31 * DAY, 30 * DAY + 1, 30 * DAY, 29 * DAY, 0]
    await handle.db.insert(readings).values(ages.map((age, index) => ({
      gatewayId: gateway.id, dataPointId: gateway.points[0]!, value: index, quality: 'good' as const, recordedAt: new Date(now - age),
    })))
    expect(await pruneReadings(ctx, 2)).toBe(3)
    const left = await handle.db.select({ value: readings.value }).from(readings).orderBy(asc(readings.id))
    expect(left.map(row => row.value)).toEqual([3, 4, 5])
    expect(await pruneReadings(ctx)).toBe(0)
  })
})
