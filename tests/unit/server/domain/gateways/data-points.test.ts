import { beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { dataPoints } from '../../../../../server/db/schema'
import { dataPointInputSchema } from '../../../../../server/domain/gateways/data-point-schema'
import { addDataPoint, listDataPoints } from '../../../../../server/domain/gateways/data-points'
import { gatewayDetail } from '../../../../../server/domain/gateways/gateway-detail'
import { demoUserId, useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import type { TestGateway } from './gateway-fixtures'
import { createGateway, sendReadings } from './gateway-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let operator: number
let gateway: TestGateway

useDemoDatabase(async (demo) => {
  ({ handle, greenfield } = demo)
  ctx = testContext(handle)
  operator = await demoUserId(handle.db, 'operator', 'greenfield')
  gateway = await createGateway(handle.db, greenfield, { points: [
    { register: 10, scale: 0.1, label: 'Voltage', group: 'Power' },
    { register: 0, scale: 0.1, label: 'Flow', group: 'Pump' },
    { register: 11, scale: 0.01, label: 'Current', group: 'Power' },
    { register: 1, scale: 0.01, label: 'Pressure', group: 'Pump' },
  ] })
})

beforeEach(() => {
  ctx.broadcaster.clear()
})

const add = (body: unknown) => addDataPoint(ctx, { tenantId: greenfield, gatewayId: gateway.id, actorUserId: operator }, dataPointInputSchema.parse(body))

describe('gatewayDetail', () => {
  it('groups the data points by group name with their latest value and quality', async () => {
    await sendReadings(ctx, greenfield, { gateway: gateway.serial, readings: [{ register: 10, raw: 2301 }, { register: 1, raw: 250, quality: 'uncertain' }] })
    const detail = await gatewayDetail(handle.db, gateway.id)
    expect(detail).toMatchObject({ id: gateway.id, tenantId: greenfield, serial: gateway.serial, online: true, lastContactAt: ctx.now().toISOString() })
    expect(detail!.groups.map(group => [group.name, group.dataPoints.map(point => point.label)])).toEqual([
      ['Power', ['Voltage', 'Current']],
      ['Pump', ['Flow', 'Pressure']],
    ])
    const [voltage] = detail!.groups[0]!.dataPoints
    expect(voltage).toMatchObject({ register: 10, unit: '', group: 'Power', lastQuality: 'good', lastReadAt: ctx.now().toISOString() })
    expect(voltage!.lastValue).toBeCloseTo(230.1, 10)
    expect(detail!.groups[1]!.dataPoints[1]).toMatchObject({ label: 'Pressure', lastValue: 2.5, lastQuality: 'uncertain' })
    expect(detail!.groups[1]!.dataPoints[0]).toMatchObject({ label: 'Flow', lastValue: null, lastQuality: null, lastReadAt: null })
  })

  it('is null for a missing gateway', async () => {
    expect(await gatewayDetail(handle.db, 999_999)).toBeNull()
  })
})

describe('addDataPoint', () => {
  it('adds a data point, records who did and announces it on the tenant\'s events channel', async () => {
    const point = await add({ register: 40, scale: 0.5, unit: ' kWh ', label: ' Energy ', group: 'Power' })
    expect(point).toMatchObject({ gatewayId: gateway.id, register: 40, scale: 0.5, unit: 'kWh', label: 'Energy', group: 'Power', lastValue: null })
    expect((await listDataPoints(handle.db, gateway.id)).map(item => item.register)).toEqual([10, 11, 40, 0, 1])
    expect(ctx.broadcaster.sent).toHaveLength(1)
    expect(ctx.broadcaster.sent[0]).toMatchObject({ channels: [`private-tenant.${greenfield}.events`], event: 'event.created', payload: { kind: 'data_point.added', actorUserId: operator } })
  })

  it('defaults scale to 1, unit to empty and group to General', async () => {
    expect(await add({ register: 41, label: 'Counter' })).toMatchObject({ scale: 1, unit: '', group: 'General' })
  })

  it('refuses a register the gateway already has with 409 naming register, adding nothing', async () => {
    const before = await handle.db.$count(dataPoints, eq(dataPoints.gatewayId, gateway.id))
    await expect(add({ register: 10, label: 'Again' })).rejects.toMatchObject({ status: 409, field: 'register' })
    expect(await handle.db.$count(dataPoints, eq(dataPoints.gatewayId, gateway.id))).toBe(before)
    expect(ctx.broadcaster.sent).toEqual([])
  })

  it('allows the same register on another gateway', async () => {
    const other = await createGateway(handle.db, greenfield)
    const point = await addDataPoint(ctx, { tenantId: greenfield, gatewayId: other.id, actorUserId: operator }, dataPointInputSchema.parse({ register: 10, label: 'Voltage' }))
    expect(point.gatewayId).toBe(other.id)
  })
})

describe('dataPointInputSchema', () => {
  const fields = (body: unknown) => {
    const result = dataPointInputSchema.safeParse(body)
    return result.success ? null : result.error.issues.map(issue => issue.path.join('.'))
  }

  it('accepts registers 0..65535 and names anything else', () => {
    expect(fields({ register: 0, label: 'A' })).toBeNull()
    expect(fields({ register: 65535, label: 'A' })).toBeNull()
    expect(fields({ register: -1, label: 'A' })).toEqual(['register'])
    expect(fields({ register: 65536, label: 'A' })).toEqual(['register'])
    expect(fields({ register: 2.5, label: 'A' })).toEqual(['register'])
    expect(fields({ label: 'A' })).toEqual(['register'])
  })

  it('requires a finite, non-zero scale', () => {
    expect(fields({ register: 1, label: 'A', scale: -0.1 })).toBeNull()
    expect(fields({ register: 1, label: 'A', scale: 0 })).toEqual(['scale'])
    expect(fields({ register: 1, label: 'A', scale: Number.POSITIVE_INFINITY })).toEqual(['scale'])
    expect(fields({ register: 1, label: 'A', scale: Number.NaN })).toEqual(['scale'])
  })

  it('requires a label of 1 to 100 characters after trimming', () => {
    expect(fields({ register: 1, label: 'x'.repeat(100) })).toBeNull()
    expect(fields({ register: 1, label: 'x'.repeat(101) })).toEqual(['label'])
    expect(fields({ register: 1, label: '   ' })).toEqual(['label'])
    expect(fields({ register: 1 })).toEqual(['label'])
  })
})
