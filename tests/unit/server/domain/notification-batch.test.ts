// Notifications of a batch: what storeNotifications stores one by one, in two statements for all of them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { seedDemoData } from '../../../../server/db/demo-data'
import type { QueryOperation } from '../../../../server/db/query-timing'
import { notifications, users } from '../../../../server/db/schema'
import { storeNotificationBatch } from '../../../../server/domain/notification-batch'
import type { NotificationInput } from '../../../../server/domain/notifications'
import { storeNotifications } from '../../../../server/domain/notifications'
import type { DemoDatabase } from '../test-database'
import { createEmptyDatabase, demoIdsOf } from '../test-database'

let handle: DatabaseHandle
let demo: DemoDatabase
const statements: QueryOperation[] = []

beforeAll(async () => {
  handle = await createEmptyDatabase(operation => statements.push(operation))
  await seedDemoData(handle.db)
  demo = await demoIdsOf(handle)
}, 60_000)
afterAll(() => handle.close())
beforeEach(async () => {
  await handle.db.delete(notifications)
  await handle.db.update(users).set({ disabledAt: null })
})

const speeding = (tenantId: number, vehicle: string): NotificationInput => ({
  tenantId, kind: 'speeding', code: 'messages.notifications.speeding', params: { vehicle, speed: 120, limit: 90, lat: '50.00000', lon: '10.00000', at: '2026-06-01T08:00:00.000Z' },
})
const at = (second: number) => new Date(Date.UTC(2026, 5, 1, 8, 0, second))

async function storedRows() {
  const rows = await handle.db.select().from(notifications).orderBy(asc(notifications.id))
  return rows.map(({ id: _id, ...row }) => row)
}

describe('storeNotificationBatch', () => {
  it('stores for each pending notification what storeNotifications stores, for the active users of its own tenant', async () => {
    const pending = [
      { input: speeding(demo.northwind, 'Truck 11'), at: at(1) },
      { input: speeding(demo.greenfield, 'Tractor 1'), at: at(2) },
      { input: speeding(demo.northwind, 'Truck 12'), at: at(3) },
    ]
    await handle.db.update(users).set({ disabledAt: at(0) }).where(eq(users.id, demo.northwindUsers[2]!))
    for (const item of pending) await storeNotifications(handle.db, item.input, item.at)
    const oneByOne = await storedRows()
    await handle.db.delete(notifications)
    const returned = await storeNotificationBatch(handle.db, pending)
    const together = await storedRows()
    const byUserAndTime = <T extends { userId: number, createdAt: Date }>(rows: T[]) => [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.userId - b.userId)
    expect(byUserAndTime(together)).toEqual(byUserAndTime(oneByOne))
    expect(together.filter(row => row.tenantId === demo.northwind).map(row => row.userId)).not.toContain(demo.northwindUsers[2])
    expect(returned.map(row => [row.userId, row.createdAt])).toEqual(together.map(row => [row.userId, row.createdAt.toISOString()]))
    expect(returned.map(row => row.title)).toEqual([
      ...Array(2).fill('Truck 11 is speeding: 120 km/h'), ...Array(3).fill('Tractor 1 is speeding: 120 km/h'), ...Array(2).fill('Truck 12 is speeding: 120 km/h'),
    ])
  })

  it('takes one select and one insert however many notifications it stores', async () => {
    const pending = Array.from({ length: 40 }, (_, i) => ({ input: speeding(i % 2 === 0 ? demo.northwind : demo.greenfield, `Vehicle ${i}`), at: at(i) }))
    statements.length = 0
    const returned = await storeNotificationBatch(handle.db, pending)
    expect(statements).toEqual(['select', 'insert'])
    expect(returned).toHaveLength(40 * 3)
  })

  it('runs no statement for no notifications', async () => {
    statements.length = 0
    await expect(storeNotificationBatch(handle.db, [])).resolves.toEqual([])
    expect(statements).toEqual([])
  })
})
