import { describe, expect, it } from 'vitest'
import { asc, isNull } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { notifications } from '../../../../server/db/schema'
import { markNotificationsRead, storeNotifications } from '../../../../server/domain/notifications'
import { testContext } from './domain-context'
import { demoUserId, tenantId, useDemoDatabase } from '../test-database'

let handle: DatabaseHandle

useDemoDatabase((demo) => {
  handle = demo.handle
})

describe('markNotificationsRead', () => {
  it('marks only the signed-in user\'s own notifications among the ids given, once', async () => {
    const ctx = testContext(handle)
    const northwind = await tenantId(handle.db, 'northwind')
    const greenfield = await tenantId(handle.db, 'greenfield')
    const stored = [
      ...await storeNotifications(handle.db, { tenantId: northwind, kind: 'geozone', code: 'messages.notifications.geozoneEntered', params: { vehicle: 'Truck 11', geozone: 'Depot yard', at: '2026-12-05T10:00:00.000Z' } }, ctx.now()),
      ...await storeNotifications(handle.db, { tenantId: greenfield, kind: 'speeding', code: 'messages.notifications.speeding', params: { vehicle: 'Tractor 1', speed: 61, limit: 50, lat: '52.37000', lon: '4.89000', at: '2026-12-05T10:00:00.000Z' } }, ctx.now()),
    ]
    const viewer = await demoUserId(handle.db, 'viewer', 'northwind')
    const own = stored.filter(item => item.userId === viewer).map(item => item.id)
    expect(own).toHaveLength(1)
    ctx.advance(5000)
    await expect(markNotificationsRead(ctx, viewer, stored.map(item => item.id))).resolves.toEqual(own)
    const unread = await handle.db.select({ id: notifications.id }).from(notifications).where(isNull(notifications.readAt)).orderBy(asc(notifications.id))
    expect(unread.map(row => row.id)).toEqual(stored.map(item => item.id).filter(id => !own.includes(id)))
    const [read] = await handle.db.select({ readAt: notifications.readAt }).from(notifications).orderBy(asc(notifications.readAt)).limit(1)
    expect(read!.readAt).toEqual(ctx.now())
    await expect(markNotificationsRead(ctx, viewer, own)).resolves.toEqual([])
  })
})
