import { beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { activityEvents, alerts, zones } from '../../../../../server/db/schema'
import { acknowledgeAlert, resolveAlert } from '../../../../../server/domain/alerts/alert-lifecycle'
import { authorizeAlert } from '../../../../../server/domain/alerts/alert-policy'
import { DomainError } from '../../../../../server/domain/errors'
import type { AlertPayload, ZonePayload } from '../../../../../shared/events'
import { demoActor, demoUserId, equipmentOf, useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import { channelsOf } from '../zones/zone-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let northwind: number
let zoneA: number

async function openAlert(severity: 'warning' | 'critical' = 'critical', tenant = greenfield): Promise<number> {
  const zoneId = tenant === greenfield ? zoneA : (await equipmentOf(handle.db, tenant)).zones[0]!
  const [row] = await handle.db.insert(alerts).values({ tenantId: tenant, zoneId, metric: 'ph', value: 8, severity, kind: 'threshold', message: 'pH 8.0 above 7.0' }).returning()
  await handle.db.update(zones).set({ status: severity === 'critical' ? 'alert' : 'warning' }).where(eq(zones.id, zoneId))
  return row!.id
}

const alertRow = async (id: number) => (await handle.db.select().from(alerts).where(eq(alerts.id, id)))[0]!

useDemoDatabase((demo) => {
  ({ handle, greenfield, northwind, zoneA } = demo)
  ctx = testContext(handle)
})

beforeEach(async () => {
  await handle.db.delete(alerts)
  await handle.db.update(zones).set({ status: 'ok' })
  ctx.broadcaster.clear()
})

describe('acknowledgeAlert and resolveAlert', () => {
  it('acknowledges an active alert, storing who and when, and broadcasts alert.updated (with the user\'s name) on the tenant alerts channel', async () => {
    const id = await openAlert()
    const operator = await demoActor(handle.db, 'operator', 'greenfield')
    const payload = await acknowledgeAlert(ctx, operator, id)
    expect(payload).toMatchObject({ id, status: 'acknowledged', acknowledgedBy: operator.user.id, acknowledgedByName: operator.user.name, acknowledgedAt: ctx.now().toISOString() })
    expect(await alertRow(id)).toMatchObject({ status: 'acknowledged', acknowledgedBy: operator.user.id, acknowledgedAt: ctx.now() })
    const updated = ctx.broadcaster.of('alert.updated')
    expect(updated.map(item => item.channels)).toEqual([[`private-tenant.${greenfield}.alerts`]])
    expect(updated[0]!.payload).toEqual(payload)
    expect(await handle.db.select({ status: zones.status }).from(zones).where(eq(zones.id, zoneA))).toEqual([{ status: 'alert' }])
  })

  it('resolves an acknowledged alert (naming who acknowledged and who resolved it), records activity, and puts the zone back to ok', async () => {
    const id = await openAlert()
    const admin = await demoActor(handle.db, 'admin', 'greenfield')
    const operator = await demoActor(handle.db, 'operator', 'greenfield')
    await acknowledgeAlert(ctx, operator, id)
    ctx.advance(5_000)
    const payload = await resolveAlert(ctx, admin, id)
    expect(payload).toMatchObject({ status: 'resolved', resolvedBy: admin.user.id, resolvedByName: admin.user.name, acknowledgedByName: operator.user.name, resolvedAt: ctx.now().toISOString() })
    const kinds = await handle.db.select({ kind: activityEvents.kind, actor: activityEvents.actorUserId }).from(activityEvents).where(eq(activityEvents.tenantId, greenfield))
    expect(kinds.slice(-2)).toEqual([{ kind: 'alert.acknowledged', actor: operator.user.id }, { kind: 'alert.resolved', actor: admin.user.id }])
    const zoneUpdates = ctx.broadcaster.of('zone.updated')
    expect(zoneUpdates.map(item => [item.channels, (item.payload as ZonePayload).status])).toEqual([[[`private-zone.${zoneA}`], 'ok']])
    expect(channelsOf(ctx.broadcaster.sent).sort()).toEqual([`private-tenant.${greenfield}.alerts`, `private-tenant.${greenfield}.events`, `private-zone.${zoneA}`].sort())
  })

  it('resolves an active alert directly', async () => {
    const id = await openAlert('warning')
    const payload = await resolveAlert(ctx, await demoActor(handle.db, 'operator', 'greenfield'), id)
    expect(payload.status).toBe('resolved')
    expect(payload.acknowledgedAt).toBeNull()
  })

  it('refuses a viewer with 403 and changes nothing', async () => {
    const id = await openAlert()
    const viewer = await demoActor(handle.db, 'viewer', 'greenfield')
    await expect(acknowledgeAlert(ctx, viewer, id)).rejects.toMatchObject({ status: 403 })
    await expect(resolveAlert(ctx, viewer, id)).rejects.toMatchObject({ status: 403 })
    expect((await alertRow(id)).status).toBe('active')
    expect(ctx.broadcaster.sent).toEqual([])
  })

  it('refuses a token without the command ability', async () => {
    const id = await openAlert()
    const token = await demoActor(handle.db, 'admin', 'greenfield', { via: 'token', abilities: ['read'] })
    await expect(acknowledgeAlert(ctx, token, id)).rejects.toMatchObject({ status: 403, message: 'alert: requires the "command" ability' })
  })

  it('refuses another tenant\'s alert and a missing one alike with 403', async () => {
    const foreign = await openAlert('critical', northwind)
    const operator = await demoActor(handle.db, 'operator', 'greenfield')
    await expect(acknowledgeAlert(ctx, operator, foreign)).rejects.toMatchObject({ status: 403, message: `alert: alert ${foreign} is not in the user's tenant` })
    await expect(acknowledgeAlert(ctx, operator, foreign + 1000)).rejects.toMatchObject({ status: 403, message: `alert: alert ${foreign + 1000} is not in the user's tenant` })
    expect((await alertRow(foreign)).status).toBe('active')
    expect(ctx.broadcaster.sent).toEqual([])
  })

  it('answers illegal transitions with 409 naming status: resolved is final, acknowledging twice is refused', async () => {
    const operator = await demoActor(handle.db, 'operator', 'greenfield')
    const acknowledged = await openAlert()
    await acknowledgeAlert(ctx, operator, acknowledged)
    const twice = acknowledgeAlert(ctx, operator, acknowledged)
    await expect(twice).rejects.toBeInstanceOf(DomainError)
    await expect(twice).rejects.toMatchObject({ status: 409, field: 'status' })
    const resolved = await openAlert()
    await resolveAlert(ctx, operator, resolved)
    ctx.broadcaster.clear()
    await expect(acknowledgeAlert(ctx, operator, resolved)).rejects.toMatchObject({ status: 409, field: 'status' })
    await expect(resolveAlert(ctx, operator, resolved)).rejects.toMatchObject({ status: 409, field: 'status' })
    expect(ctx.broadcaster.sent).toEqual([])
    expect((await alertRow(resolved)).resolvedBy).toBe(await demoUserId(handle.db, 'operator', 'greenfield'))
  })
})

describe('authorizeAlert', () => {
  it('lets a viewer of the tenant read an alert and refuses the other tenant', async () => {
    const id = await openAlert()
    expect(await authorizeAlert(handle.db, await demoActor(handle.db, 'viewer', 'greenfield'), id)).toEqual({ allowed: true })
    expect((await authorizeAlert(handle.db, await demoActor(handle.db, 'admin', 'northwind'), id)).allowed).toBe(false)
  })
})

describe('alert payloads', () => {
  it('carry ISO dates', async () => {
    const id = await openAlert()
    const payload: AlertPayload = await acknowledgeAlert(ctx, await demoActor(handle.db, 'operator', 'greenfield'), id)
    expect(payload.createdAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/)
    expect(payload.resolvedAt).toBeNull()
  })
})
