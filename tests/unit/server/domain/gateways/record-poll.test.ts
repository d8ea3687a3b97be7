import { asc, eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { dataPoints, gateways, readings } from '../../../../../server/db/schema'
import { modbusGatewayPlan } from '../../../../../server/domain/gateways/modbus-gateways'
import type { PollReport } from '../../../../../server/domain/gateways/record-poll'
import { recordPoll } from '../../../../../server/domain/gateways/record-poll'
import type { ReadingPayload } from '../../../../../shared/events'
import type { ModbusTcpConnection } from '../../../../../shared/modbus'
import { useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import { createGateway } from './gateway-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number

const connection: ModbusTcpConnection = { protocol: 'modbus-tcp', host: '127.0.0.1', port: 1502, unitId: 1, pollIntervalMs: 1000, timeoutMs: 500 }
const refused = { kind: 'connection-refused' as const, message: 'connection refused by 127.0.0.1:1502' }

useDemoDatabase((demo) => {
  ({ handle, greenfield } = demo)
  ctx = testContext(handle)
})

beforeEach(() => ctx.broadcaster.clear())

/** A Modbus gateway with registers 0 and 1, and the report of a poll with `values` (null: that point failed). */
async function polledGateway() {
  const gateway = await createGateway(handle.db, greenfield)
  await handle.db.update(gateways).set({ connection }).where(eq(gateways.id, gateway.id))
  const plan = (await modbusGatewayPlan(handle.db, gateway.id))!
  const report = (values: Array<number | null>, error: PollReport['error'] = null): PollReport => ({
    gatewayId: gateway.id, connection, durationMs: 12.4, answered: error === null, error,
    points: plan.points.map((point, index) => ({ id: point.id, key: point.key, value: values[index]!, error: values[index] === null ? (error ?? refused) : null })),
  })
  return { gateway, plan, report }
}

const pointRows = (gatewayId: number) => handle.db.select().from(dataPoints).where(eq(dataPoints.gatewayId, gatewayId)).orderBy(asc(dataPoints.id))
const gatewayRow = async (gatewayId: number) => (await handle.db.select().from(gateways).where(eq(gateways.id, gatewayId)))[0]!

describe('recordPoll', () => {
  it('stores good values in one batch, marks contact and broadcasts one reading.new like pushed readings', async () => {
    const { gateway, report } = await polledGateway()
    expect(await recordPoll(ctx, report([7, 8]))).toBe(true)
    expect((await handle.db.select().from(readings).where(eq(readings.gatewayId, gateway.id))).map(row => [row.value, row.quality])).toEqual([[7, 'good'], [8, 'good']])
    const row = await gatewayRow(gateway.id)
    expect(row).toMatchObject({ online: true, pollFailures: 0, pollLastError: null, pollDurationMs: 12 })
    const [event] = ctx.broadcaster.of('reading.new')
    expect(event!.channels).toEqual([`private-gateway.${gateway.id}`])
    expect((event!.payload as ReadingPayload).readings.map(reading => reading.value)).toEqual([7, 8])
  })

  it('marks a failed point bad with its error, keeps its last good value and re-sends it marked bad', async () => {
    const { gateway, plan, report } = await polledGateway()
    await recordPoll(ctx, report([7, 8]))
    ctx.advance(1000)
    ctx.broadcaster.clear()
    await recordPoll(ctx, report([9, null]))
    const points = await pointRows(gateway.id)
    expect(points[1]).toMatchObject({ lastValue: 8, lastQuality: 'bad', lastError: refused.message })
    expect((await gatewayRow(gateway.id))).toMatchObject({ pollFailures: 1, pollLastError: refused.message })
    const payload = ctx.broadcaster.of('reading.new')[0]!.payload as ReadingPayload
    expect(payload.readings).toContainEqual({ dataPointId: plan.points[1]!.id, value: 8, quality: 'bad', recordedAt: points[1]!.lastReadAt!.toISOString(), error: refused.message })
    await recordPoll(ctx, report([9, 10]))
    expect((await pointRows(gateway.id))[1]).toMatchObject({ lastValue: 10, lastQuality: 'good', lastError: null })
  })

  it('counts consecutive failed polls without marking contact, and resets the count on a good one', async () => {
    const { gateway, report } = await polledGateway()
    await recordPoll(ctx, report([null, null], refused))
    await recordPoll(ctx, report([null, null], refused))
    expect(await gatewayRow(gateway.id)).toMatchObject({ online: false, lastContactAt: null, pollFailures: 2, pollLastError: refused.message })
    expect(ctx.broadcaster.of('reading.new')).toHaveLength(0)
    await recordPoll(ctx, report([1, 2]))
    expect(await gatewayRow(gateway.id)).toMatchObject({ online: true, pollFailures: 0 })
  })

  it('drops a poll whose gateway was deleted or pointed at another device meanwhile', async () => {
    const moved = await polledGateway()
    await handle.db.update(gateways).set({ connection: { ...connection, port: 1503 } }).where(eq(gateways.id, moved.gateway.id))
    expect(await recordPoll(ctx, moved.report([1, 2]))).toBe(false)
    const deleted = await polledGateway()
    await handle.db.update(gateways).set({ archivedAt: ctx.now() }).where(eq(gateways.id, deleted.gateway.id))
    expect(await recordPoll(ctx, deleted.report([1, 2]))).toBe(false)
    expect(await handle.db.$count(readings, eq(readings.gatewayId, moved.gateway.id))).toBe(0)
    expect(await handle.db.$count(readings, eq(readings.gatewayId, deleted.gateway.id))).toBe(0)
    expect(ctx.broadcaster.sent).toHaveLength(0)
  })

  it('leaves out a point whose settings changed while the poll ran', async () => {
    const { gateway, plan, report } = await polledGateway()
    await handle.db.update(dataPoints).set({ scale: 5 }).where(eq(dataPoints.id, plan.points[0]!.id))
    await recordPoll(ctx, report([1, 2]))
    expect((await handle.db.select().from(readings).where(eq(readings.gatewayId, gateway.id))).map(row => row.dataPointId)).toEqual([plan.points[1]!.id])
  })
})
