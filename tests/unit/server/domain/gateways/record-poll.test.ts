import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { dataPoints, gateways, readings } from '../../../../../server/db/schema'
import { recordPoll, recordPolls } from '../../../../../server/domain/gateways/record-poll'
import type { ReadingPayload } from '../../../../../shared/events'
import { useDemoDatabase } from '../../test-database'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import { connection, gatewayRow as gatewayRowOf, pointRows as pointRowsOf, polledGateway as polledGatewayOf, refused } from './poll-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let transactions: number

useDemoDatabase((demo) => {
  ({ handle, greenfield } = demo)
  ctx = testContext(handle)
  const transaction = handle.db.transaction.bind(handle.db)
  ctx.db = Object.assign(Object.create(handle.db), { transaction: (...args: Parameters<typeof transaction>) => { transactions += 1; return transaction(...args) } })
})

beforeEach(() => {
  ctx.broadcaster.clear()
  transactions = 0
})

const polledGateway = () => polledGatewayOf(handle.db, greenfield)
const pointRows = (gatewayId: number) => pointRowsOf(handle.db, gatewayId)
const gatewayRow = (gatewayId: number) => gatewayRowOf(handle.db, gatewayId)
const storedValues = async (gatewayId: number) => (await handle.db.select().from(readings).where(eq(readings.gatewayId, gatewayId))).map(row => row.value)

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

  it('sends a point that fails before it was ever read as bad, with no value, the poll\'s time and the error', async () => {
    const { plan, report } = await polledGateway()
    await recordPoll(ctx, report([7, null]))
    const payload = ctx.broadcaster.of('reading.new')[0]!.payload as ReadingPayload
    expect(payload.readings).toEqual([
      { dataPointId: plan.points[0]!.id, value: 7, quality: 'good', recordedAt: ctx.now().toISOString() },
      { dataPointId: plan.points[1]!.id, value: null, quality: 'bad', recordedAt: ctx.now().toISOString(), error: refused.message },
    ])
  })

  it('counts consecutive failed polls without marking contact, and resets the count on a good one', async () => {
    const { gateway, report } = await polledGateway()
    await recordPoll(ctx, report([null, null], refused))
    await recordPoll(ctx, report([null, null], refused))
    expect(await gatewayRow(gateway.id)).toMatchObject({ online: false, lastContactAt: null, pollFailures: 2, pollLastError: refused.message })
    // Every point is sent bad with the refusal each time: an open page says why it has no values.
    expect(ctx.broadcaster.of('reading.new').map(event => (event.payload as ReadingPayload).readings.map(reading => [reading.value, reading.error]))).toEqual([
      [[null, refused.message], [null, refused.message]], [[null, refused.message], [null, refused.message]],
    ])
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

describe('recordPolls', () => {
  it('stores the polls of several gateways in one transaction and broadcasts each gateway its own reading.new', async () => {
    const polled = [await polledGateway(), await polledGateway(), await polledGateway()]
    transactions = 0
    expect(await recordPolls(ctx, polled.map(({ report }, index) => report([index, 10 + index])))).toEqual([true, true, true])
    expect(transactions).toBe(1)
    for (const [index, { gateway }] of polled.entries()) {
      expect(await storedValues(gateway.id)).toEqual([index, 10 + index])
      expect(await gatewayRow(gateway.id)).toMatchObject({ online: true, pollFailures: 0, pollLastError: null, pollDurationMs: 12, lastContactAt: ctx.now() })
      const events = ctx.broadcaster.of('reading.new').filter(event => event.channels[0] === `private-gateway.${gateway.id}`)
      expect(events.map(event => (event.payload as ReadingPayload).readings.map(reading => reading.value))).toEqual([[index, 10 + index]])
    }
    expect(ctx.broadcaster.of('gateway.status-changed').map(event => (event.payload as { id: number }).id)).toEqual(polled.map(({ gateway }) => gateway.id))
  })

  it('drops the poll of a gateway deleted meanwhile and stores the others of its batch', async () => {
    const [kept, deleted, moved] = [await polledGateway(), await polledGateway(), await polledGateway()]
    await handle.db.update(gateways).set({ archivedAt: ctx.now() }).where(eq(gateways.id, deleted.gateway.id))
    await handle.db.update(gateways).set({ connection: { ...connection, port: 1503 } }).where(eq(gateways.id, moved.gateway.id))
    expect(await recordPolls(ctx, [deleted.report([1, 2]), kept.report([3, 4]), moved.report([5, 6])])).toEqual([false, true, false])
    expect(await storedValues(kept.gateway.id)).toEqual([3, 4])
    expect(await storedValues(deleted.gateway.id)).toEqual([])
    expect(await storedValues(moved.gateway.id)).toEqual([])
    expect(await gatewayRow(deleted.gateway.id)).toMatchObject({ online: false, pollLastAt: null })
    expect(ctx.broadcaster.sent.flatMap(event => event.channels).filter(channel => channel.startsWith('private-gateway.'))).toEqual([`private-gateway.${kept.gateway.id}`, `private-gateway.${kept.gateway.id}`])
  })

  it('leaves out, in a batch, a point whose settings changed meanwhile', async () => {
    const [changed, other] = [await polledGateway(), await polledGateway()]
    await handle.db.update(dataPoints).set({ scale: 5 }).where(eq(dataPoints.id, changed.plan.points[0]!.id))
    await recordPolls(ctx, [changed.report([1, 2]), other.report([3, 4])])
    expect(await storedValues(changed.gateway.id)).toEqual([2])
    expect(await storedValues(other.gateway.id)).toEqual([3, 4])
  })

  it('records failed points and failed polls in a batch exactly as recordPoll records them one by one', async () => {
    const alone = [await polledGateway(), await polledGateway()]
    const batched = [await polledGateway(), await polledGateway()]
    const steps: Array<[Array<number | null>, typeof refused | null]> = [[[7, 8], null], [[9, null], null], [[null, null], refused]]
    const outcome = async ({ gateway }: { gateway: { id: number } }) => {
      const { lastContactAt, pollLastAt, pollFailures, pollLastError, pollDurationMs, online } = await gatewayRow(gateway.id)
      const rows = await pointRows(gateway.id)
      const points = rows.map(({ lastValue, lastQuality, lastError, lastReadAt }) => ({ lastValue, lastQuality, lastError, lastReadAt }))
      // Data points by their place in the gateway, so that two gateways' broadcasts compare.
      const sent = ctx.broadcaster.of('reading.new').filter(event => event.channels[0] === `private-gateway.${gateway.id}`)
        .map(event => (event.payload as ReadingPayload).readings.map(({ dataPointId, ...reading }) => ({ point: rows.findIndex(row => row.id === dataPointId), ...reading })))
      return { gateway: { lastContactAt, pollLastAt, pollFailures, pollLastError, pollDurationMs, online }, points, sent, values: await storedValues(gateway.id) }
    }
    for (const [values, error] of steps) {
      ctx.advance(1000)
      for (const { report } of alone) await recordPoll(ctx, report(values, error))
      await recordPolls(ctx, batched.map(({ report }) => report(values, error)))
    }
    expect(await outcome(batched[0]!)).toEqual(await outcome(alone[0]!))
    expect(await outcome(batched[1]!)).toEqual(await outcome(alone[1]!))
    expect((await outcome(batched[0]!)).points[1]).toMatchObject({ lastValue: 8, lastQuality: 'bad', lastError: refused.message })
    expect((await outcome(batched[0]!)).gateway).toMatchObject({ pollFailures: 2, pollLastError: refused.message, online: true })
  })
})
