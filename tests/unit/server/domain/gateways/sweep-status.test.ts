import { beforeEach, describe, expect, it } from 'vitest'
import { and, asc, eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { alerts, gateways } from '../../../../../server/db/schema'
import { sweepGatewayStatus } from '../../../../../server/domain/gateways/sweep-status'
import type { AlertPayload } from '../../../../../shared/events'
import { useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import { createGateway, expectOnlyOwnChannels, sendHeartbeat, sendReadings } from './gateway-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let northwind: number

const send = (tenant: number, serial: string) => sendReadings(ctx, tenant, { gateway: serial, readings: [{ register: 0, raw: 100 }] })
const heartbeat = (tenant: number, serial: string) => sendHeartbeat(ctx, tenant, { gateway: serial })
const offlineAlerts = (gatewayId: number) => handle.db.select().from(alerts)
  .where(and(eq(alerts.gatewayId, gatewayId), eq(alerts.kind, 'gateway_offline'))).orderBy(asc(alerts.id))
const expectOnlyTenantChannels = (tenant: number, gatewayId: number) => expectOnlyOwnChannels(ctx.broadcaster.sent, tenant, [gatewayId])

useDemoDatabase((demo) => {
  ({ handle, greenfield, northwind } = demo)
  ctx = testContext(handle)
})

// Every test starts with all gateways of earlier tests offline, so sweeps return only the test's own.
beforeEach(async () => {
  ctx.advance(86_400_000)
  await sweepGatewayStatus(ctx)
  ctx.broadcaster.clear()
})

describe('sweepGatewayStatus', () => {
  it('keeps a gateway online up to its timeout and marks it offline once its last contact is older, with one alert', async () => {
    const gateway = await createGateway(handle.db, northwind, { offlineAfterSeconds: 60 })
    await send(northwind, gateway.serial)
    const contactAt = ctx.now()
    ctx.broadcaster.clear()

    ctx.advance(60_000)
    expect(await sweepGatewayStatus(ctx)).toEqual([])
    expect(ctx.broadcaster.sent).toEqual([])

    ctx.advance(1)
    expect(await sweepGatewayStatus(ctx)).toEqual([gateway.id])
    const [row] = await handle.db.select().from(gateways).where(eq(gateways.id, gateway.id))
    expect(row).toMatchObject({ online: false, lastContactAt: contactAt })

    expect(ctx.broadcaster.sent.map(item => item.event)).toEqual(['gateway.status-changed', 'alert.created', 'event.created'])
    const [status, created, activity] = ctx.broadcaster.sent
    expect(status!.channels).toEqual([`private-tenant.${northwind}.gateways`, `private-gateway.${gateway.id}`])
    expect(status!.payload).toEqual({ id: gateway.id, tenantId: northwind, online: false, lastContactAt: contactAt.toISOString() })
    expect(created!.channels).toEqual([`private-tenant.${northwind}.alerts`])
    const alert = created!.payload as AlertPayload
    expect(alert).toMatchObject({
      tenantId: northwind, gatewayId: gateway.id, zoneId: null, vehicleId: null, deviceId: null, kind: 'gateway_offline', severity: 'warning',
      status: 'active', createdAt: ctx.now().toISOString(), resolvedAt: null, acknowledgedAt: null,
    })
    expect(activity!.channels).toEqual([`private-tenant.${northwind}.events`])
    expect(activity!.payload).toMatchObject({ kind: 'gateway.offline', subject: { gatewayId: gateway.id } })
    expectOnlyTenantChannels(northwind, gateway.id)

    const stored = await offlineAlerts(gateway.id)
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ id: alert.id, status: 'active' })

    // Still silent: nothing changes, no second alert.
    ctx.broadcaster.clear()
    ctx.advance(120_000)
    expect(await sweepGatewayStatus(ctx)).toEqual([])
    expect(ctx.broadcaster.sent).toEqual([])
    expect(await offlineAlerts(gateway.id)).toHaveLength(1)

    // A reading brings it back: online again, the alert resolved and announced as updated.
    await send(northwind, gateway.serial)
    expect(ctx.broadcaster.sent.map(item => item.event)).toEqual(['gateway.status-changed', 'alert.updated', 'event.created', 'reading.new'])
    expect(ctx.broadcaster.of('gateway.status-changed')[0]!.payload).toMatchObject({ id: gateway.id, online: true, lastContactAt: ctx.now().toISOString() })
    const updated = ctx.broadcaster.of('alert.updated')[0]!
    expect(updated.channels).toEqual([`private-tenant.${northwind}.alerts`])
    expect(updated.payload).toMatchObject({ id: alert.id, status: 'resolved', resolvedAt: ctx.now().toISOString(), resolvedBy: null })
    expect(await offlineAlerts(gateway.id)).toEqual([expect.objectContaining({ id: alert.id, status: 'resolved', resolvedAt: ctx.now() })])
    expectOnlyTenantChannels(northwind, gateway.id)
  })

  it('raises a new alert for a new outage and resolves an acknowledged one when the gateway is back', async () => {
    const gateway = await createGateway(handle.db, greenfield, { offlineAfterSeconds: 30 })
    await heartbeat(greenfield, gateway.serial)
    ctx.advance(31_000)
    expect(await sweepGatewayStatus(ctx)).toEqual([gateway.id])
    await handle.db.update(alerts).set({ status: 'acknowledged', acknowledgedAt: ctx.now() }).where(eq(alerts.gatewayId, gateway.id))
    await heartbeat(greenfield, gateway.serial)
    ctx.advance(31_000)
    expect(await sweepGatewayStatus(ctx)).toEqual([gateway.id])
    expect((await offlineAlerts(gateway.id)).map(alert => alert.status)).toEqual(['resolved', 'active'])
  })

  it('uses each gateway\'s own timeout', async () => {
    const quick = await createGateway(handle.db, greenfield, { offlineAfterSeconds: 10 })
    const patient = await createGateway(handle.db, greenfield, { offlineAfterSeconds: 300 })
    await heartbeat(greenfield, quick.serial)
    await heartbeat(greenfield, patient.serial)
    ctx.advance(11_000)
    expect(await sweepGatewayStatus(ctx)).toEqual([quick.id])
    ctx.advance(290_000)
    expect(await sweepGatewayStatus(ctx)).toEqual([patient.id])
  })

  it('marks offline a gateway flagged online that never made contact', async () => {
    const gateway = await createGateway(handle.db, greenfield)
    await handle.db.update(gateways).set({ online: true, lastContactAt: null }).where(eq(gateways.id, gateway.id))
    expect(await sweepGatewayStatus(ctx)).toEqual([gateway.id])
    expect(ctx.broadcaster.of('gateway.status-changed')[0]!.payload).toEqual({ id: gateway.id, tenantId: greenfield, online: false, lastContactAt: null })
    expect(await offlineAlerts(gateway.id)).toHaveLength(1)
  })

  it('raises no second alert while one of the gateway is still unresolved', async () => {
    const gateway = await createGateway(handle.db, greenfield)
    await handle.db.update(gateways).set({ online: true, lastContactAt: new Date(ctx.now().getTime() - 3_600_000) }).where(eq(gateways.id, gateway.id))
    await handle.db.insert(alerts).values({ tenantId: greenfield, gatewayId: gateway.id, kind: 'gateway_offline', severity: 'warning', message: 'earlier', status: 'acknowledged' })
    expect(await sweepGatewayStatus(ctx)).toEqual([gateway.id])
    expect(ctx.broadcaster.of('alert.created')).toEqual([])
    expect(ctx.broadcaster.of('gateway.status-changed')).toHaveLength(1)
    expect((await offlineAlerts(gateway.id)).map(alert => alert.message)).toEqual(['earlier'])
  })

  it('changes nothing when every gateway is already offline', async () => {
    ctx.advance(3_600_000)
    expect(await sweepGatewayStatus(ctx)).toEqual([])
    expect(ctx.broadcaster.sent).toEqual([])
  })
})
