import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { activityEvents, alerts, notifications, users, zones } from '../../../../../server/db/schema'
import { flushTelemetryBatches } from '../../../../../server/domain/zones/telemetry-batches'
import type { AlertPayload, ZonePayload } from '../../../../../shared/events'
import { useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import { channelsOf, nodeOf, sendTelemetry, setThresholds } from '../zones/zone-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let northwind: number
let zoneA: number
let zoneB: number
let zoneNorth: number

const alertsOf = (zoneId: number) => handle.db.select().from(alerts).where(eq(alerts.zoneId, zoneId)).orderBy(asc(alerts.id))
const zoneStatus = async (zoneId: number) => (await handle.db.select({ status: zones.status }).from(zones).where(eq(zones.id, zoneId)))[0]!.status
const ph = async (zoneId: number, value: number, tenant = greenfield) => sendTelemetry(ctx, tenant, { device: (await nodeOf(handle.db, zoneId)).uid, samples: [{ metric: 'ph', value }] })

useDemoDatabase((demo) => {
  ({ handle, greenfield, northwind, zoneA, zoneB, zoneNorth } = demo)
  ctx = testContext(handle)
})

beforeEach(async () => {
  await handle.db.delete(alerts)
  for (const zone of [zoneA, zoneB, zoneNorth]) await setThresholds(handle.db, zone, { ph: { min: 5.5, max: 7 } })
  ctx.broadcaster.clear()
})

afterEach(() => flushTelemetryBatches())

describe('threshold alerts', () => {
  it('raises one alert for a breach, with metric, value, device, zone and a readable message', async () => {
    const node = await nodeOf(handle.db, zoneA)
    await ph(zoneA, 7.5)
    const rows = await alertsOf(zoneA)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      tenantId: greenfield, zoneId: zoneA, deviceId: node.id, metric: 'ph', value: 7.5, severity: 'warning', kind: 'threshold',
      status: 'active', message: 'pH 7.5 above 7.0 in Greenhouse A', resolvedBy: null,
    })
  })

  it('stores the raised alert, its activity event and the critical notification as codes with parameters', async () => {
    const since = await handle.db.$count(activityEvents)
    await ph(zoneA, 8.5)
    const [alert] = await alertsOf(zoneA)
    const params = { metric: { code: 'messages.metrics.ph', text: 'pH' }, value: '8.5', limit: '7.0', zone: 'Greenhouse A' }
    expect(alert).toMatchObject({ messageCode: 'messages.alerts.thresholdAbove', messageParams: params })
    const [raised] = await handle.db.select().from(activityEvents).where(eq(activityEvents.tenantId, greenfield)).orderBy(asc(activityEvents.id)).offset(since)
    expect(raised).toMatchObject({ kind: 'alert.raised', messageCode: 'messages.alerts.thresholdAbove', messageParams: params })
    const [notice] = await handle.db.select().from(notifications).where(eq(notifications.kind, 'alert')).orderBy(asc(notifications.id)).offset(await handle.db.$count(notifications) - 1)
    expect(notice).toMatchObject({
      messageCode: 'messages.notifications.criticalAlert', title: 'Critical: pH in Greenhouse A', body: 'pH 8.5 above 7.0 in Greenhouse A',
      messageParams: { metric: params.metric, zone: 'Greenhouse A', alert: { code: 'messages.alerts.thresholdAbove', params, text: 'pH 8.5 above 7.0 in Greenhouse A' } },
    })
    expect((ctx.broadcaster.of('alert.created')[0]!.payload as AlertPayload)).toMatchObject({ message: 'pH 8.5 above 7.0 in Greenhouse A', messageCode: 'messages.alerts.thresholdAbove' })
  })

  it('broadcasts alert.created on the tenant\'s alerts channel only', async () => {
    await ph(zoneA, 7.5)
    const created = ctx.broadcaster.of('alert.created')
    expect(created).toHaveLength(1)
    expect(created[0]!.channels).toEqual([`private-tenant.${greenfield}.alerts`])
    expect((created[0]!.payload as AlertPayload).message).toBe('pH 7.5 above 7.0 in Greenhouse A')
    expect(channelsOf(ctx.broadcaster.sent).filter(channel => channel.includes(`tenant.${northwind}.`) || channel.startsWith(`private-zone.${zoneNorth}`))).toEqual([])
  })

  it('does not raise a second alert while one is open, even acknowledged', async () => {
    await ph(zoneA, 7.5)
    await ph(zoneA, 7.6)
    await handle.db.update(alerts).set({ status: 'acknowledged' }).where(eq(alerts.zoneId, zoneA))
    await ph(zoneA, 9)
    expect(await alertsOf(zoneA)).toHaveLength(1)
    expect(ctx.broadcaster.of('alert.created')).toHaveLength(1)
  })

  it('keeps alerts of different nodes, metrics and zones apart', async () => {
    await setThresholds(handle.db, zoneA, { ph: { min: 5.5, max: 7 }, ec: { max: 2.4 } })
    const node = await nodeOf(handle.db, zoneA)
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ph', value: 7.5 }, { metric: 'ec', value: 2.5 }] })
    await ph(zoneB, 5)
    expect((await alertsOf(zoneA)).map(alert => alert.metric).sort()).toEqual(['ec', 'ph'])
    expect(await alertsOf(zoneB)).toHaveLength(1)
  })

  it('auto-resolves the open alert when the value is back in range, with no resolver', async () => {
    await ph(zoneA, 7.5)
    ctx.advance(60_000)
    await ph(zoneA, 6.5)
    const [alert] = await alertsOf(zoneA)
    expect(alert).toMatchObject({ status: 'resolved', resolvedBy: null, resolvedAt: ctx.now() })
    const updated = ctx.broadcaster.of('alert.updated')
    expect(updated.map(item => [item.channels, (item.payload as AlertPayload).status])).toEqual([[[`private-tenant.${greenfield}.alerts`], 'resolved']])
    // A new breach past the rule's 10-minute quiet period is a new alert.
    ctx.advance(10 * 60_000)
    await ph(zoneA, 7.5)
    expect((await alertsOf(zoneA)).map(row => row.status)).toEqual(['resolved', 'active'])
  })

  it('follows samples of one request in time order: breach, recovery, breach', async () => {
    const node = await nodeOf(handle.db, zoneA)
    await sendTelemetry(ctx, greenfield, {
      device: node.uid,
      samples: [
        { metric: 'ph', value: 7.5, at: '2026-06-01T07:48:00Z' },
        { metric: 'ph', value: 7.4, at: '2026-06-01T07:59:30Z' },
        { metric: 'ph', value: 6.5, at: '2026-06-01T07:49:00Z' },
      ],
    })
    expect((await alertsOf(zoneA)).map(row => [row.status, row.value])).toEqual([['resolved', 7.5], ['active', 7.4]])
  })

  it('raises nothing for a breach shorter than the delay, and one alert once it lasted the delay', async () => {
    await setThresholds(handle.db, zoneA, { ph: { min: 5.5, max: 7, delaySeconds: 30 } })
    const node = await nodeOf(handle.db, zoneA)
    const at = (seconds: number) => new Date(Date.UTC(2026, 5, 1, 7, 50, seconds)).toISOString()
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ph', value: 7.5, at: at(0) }, { metric: 'ph', value: 7.6, at: at(29) }, { metric: 'ph', value: 6.5, at: at(31) }] })
    expect(await alertsOf(zoneA)).toEqual([])
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ph', value: 7.5, at: at(40) }] })
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ph', value: 7.7, at: at(70) }] })
    expect((await alertsOf(zoneA)).map(row => row.value)).toEqual([7.7])
  })

  it('keeps the alert open until the value is back inside by the deadband', async () => {
    await setThresholds(handle.db, zoneA, { ph: { min: 5.5, max: 7, deadband: 0.2 } })
    await ph(zoneA, 7.5)
    await ph(zoneA, 6.9)
    expect((await alertsOf(zoneA)).map(row => row.status)).toEqual(['active'])
    await ph(zoneA, 6.8)
    expect((await alertsOf(zoneA)).map(row => row.status)).toEqual(['resolved'])
  })

  it('raises one alert per rule in 10 minutes for a value flapping across the bound', async () => {
    const node = await nodeOf(handle.db, zoneA)
    const samples = Array.from({ length: 20 }, (_, i) => ({ metric: 'ph', value: i % 2 === 0 ? 7.5 : 6.5, at: new Date(Date.UTC(2026, 5, 1, 7, 40, i * 29)).toISOString() }))
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples })
    expect((await alertsOf(zoneA)).map(row => row.status)).toEqual(['resolved'])
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ph', value: 7.5, at: '2026-06-01T07:51:00Z' }] })
    expect((await alertsOf(zoneA)).map(row => row.status)).toEqual(['resolved', 'active'])
  })

  it('makes a breach beyond 10 % critical and notifies every active user of the tenant', async () => {
    await ph(zoneA, 8)
    const [alert] = await alertsOf(zoneA)
    expect(alert!.severity).toBe('critical')
    const tenantUsers = await handle.db.select({ id: users.id }).from(users).where(eq(users.tenantId, greenfield))
    const stored = await handle.db.select().from(notifications).where(inArray(notifications.userId, tenantUsers.map(user => user.id)))
    expect(stored.filter(item => item.body === alert!.message)).toHaveLength(tenantUsers.length)
    const sent = ctx.broadcaster.of('notification')
    expect(sent.map(item => item.channels[0]).sort()).toEqual(tenantUsers.map(user => `private-user.${user.id}`).sort())
  })

  it('notifies nobody for a warning', async () => {
    const before = await handle.db.$count(notifications)
    await ph(zoneA, 7.2)
    expect(await handle.db.$count(notifications)).toBe(before)
    expect(ctx.broadcaster.of('notification')).toEqual([])
  })

  it('records activity events for raised and resolved alerts and broadcasts them on the tenant events channel', async () => {
    const since = await handle.db.$count(activityEvents)
    await ph(zoneA, 7.5)
    await ph(zoneA, 6)
    const events = await handle.db.select().from(activityEvents).where(eq(activityEvents.tenantId, greenfield)).orderBy(asc(activityEvents.id)).offset(since)
    expect(events.map(event => [event.kind, event.message])).toEqual([
      ['alert.raised', 'pH 7.5 above 7.0 in Greenhouse A'], ['alert.resolved', 'pH back to 6.0 in Greenhouse A'],
    ])
    expect(ctx.broadcaster.of('event.created').map(item => item.channels)).toEqual([[`private-tenant.${greenfield}.events`], [`private-tenant.${greenfield}.events`]])
  })

  it('moves the zone status with its open alerts and broadcasts zone.updated on the zone channel when it changes', async () => {
    await setThresholds(handle.db, zoneA, { ph: { min: 5.5, max: 7 }, ec: { max: 2 } })
    const node = await nodeOf(handle.db, zoneA)
    await ph(zoneA, 7.2)
    expect(await zoneStatus(zoneA)).toBe('warning')
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ec', value: 3 }] })
    expect(await zoneStatus(zoneA)).toBe('alert')
    await ph(zoneA, 7.3)
    await ph(zoneA, 6)
    expect(await zoneStatus(zoneA)).toBe('alert')
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ec', value: 1.5 }] })
    expect(await zoneStatus(zoneA)).toBe('ok')
    const updates = ctx.broadcaster.of('zone.updated')
    expect(updates.map(item => item.channels)).toEqual(Array(3).fill([`private-zone.${zoneA}`]))
    expect(updates.map(item => (item.payload as ZonePayload).status)).toEqual(['warning', 'alert', 'ok'])
  })

  it('raises the other tenant\'s alert on that tenant\'s channel only', async () => {
    await ph(zoneNorth, 9, northwind)
    const created = ctx.broadcaster.of('alert.created')
    expect(created.map(item => item.channels)).toEqual([[`private-tenant.${northwind}.alerts`]])
    expect(channelsOf(ctx.broadcaster.sent).filter(channel => channel.includes(`tenant.${greenfield}.`) || channel === `private-zone.${zoneA}`)).toEqual([])
    expect(await alertsOf(zoneA)).toEqual([])
  })

  it('raises one alert when breaches of one node arrive concurrently', async () => {
    const node = await nodeOf(handle.db, zoneA)
    await Promise.all(Array.from({ length: 6 }, (_, i) => sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'ph', value: 7.5 + i / 100 }] })))
    expect(await alertsOf(zoneA)).toHaveLength(1)
    expect(ctx.broadcaster.of('alert.created')).toHaveLength(1)
  })

  it('leaves samples without a threshold alone', async () => {
    const node = await nodeOf(handle.db, zoneA)
    await sendTelemetry(ctx, greenfield, { device: node.uid, samples: [{ metric: 'humidity', value: 1000 }] })
    expect(await handle.db.$count(alerts, and(eq(alerts.zoneId, zoneA)))).toBe(0)
  })
})
