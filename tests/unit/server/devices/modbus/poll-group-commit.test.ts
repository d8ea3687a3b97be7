// Group commit of Modbus polls on a real database: polls finishing together in one transaction, each settled only
// after its commit, one poll per gateway per batch, a bounded queue, and a refused poll kept apart.
import { eq } from 'drizzle-orm'
import { beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { readings } from '../../../../../server/db/schema'
import { PollGroupCommit } from '../../../../../server/devices/modbus/poll-group-commit'
import type { TestContext } from '../../domain/domain-context'
import { testContext } from '../../domain/domain-context'
import { pointRows, polledGateway } from '../../domain/gateways/poll-fixtures'
import { useDemoDatabase } from '../../test-database'

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

const storedValues = async (gatewayId: number) => (await handle.db.select().from(readings).where(eq(readings.gatewayId, gatewayId))).map(row => row.value)

describe('PollGroupCommit', () => {
  it('records polls of several gateways finishing together in one transaction, each settled after the commit', async () => {
    const commits = new PollGroupCommit(async () => ctx)
    const polled = [await polledGateway(handle.db, greenfield), await polledGateway(handle.db, greenfield), await polledGateway(handle.db, greenfield)]
    const settled = await Promise.all(polled.map(({ gateway, report }, index) => commits.record(report([index, index])).then(async stored => ({ stored, values: await storedValues(gateway.id) }))))
    expect(settled).toEqual([{ stored: true, values: [0, 0] }, { stored: true, values: [1, 1] }, { stored: true, values: [2, 2] }])
    expect(transactions).toBe(1)
    expect(ctx.broadcaster.of('reading.new')).toHaveLength(3)
  })

  it('records two polls of one gateway in two transactions, in the order they came', async () => {
    const commits = new PollGroupCommit(async () => ctx)
    const { gateway, report } = await polledGateway(handle.db, greenfield)
    await Promise.all([commits.record(report([1, 2])), commits.record(report([3, 4]))])
    expect(transactions).toBe(2)
    expect(await storedValues(gateway.id)).toEqual([1, 2, 3, 4])
    expect((await pointRows(handle.db, gateway.id)).map(row => row.lastValue)).toEqual([3, 4])
  })

  it('holds a poll that would pass the capacity until the batch before it is stored, then records it too', async () => {
    const commits = new PollGroupCommit(async () => ctx, { capacityPoints: 3, maxBatchPoints: 100 })
    const [first, second] = [await polledGateway(handle.db, greenfield), await polledGateway(handle.db, greenfield)]
    const recorded = [commits.record(first.report([1, 2])), commits.record(second.report([3, 4]))]
    expect(commits.load).toEqual({ points: 2, waiting: 1 })
    expect(await Promise.all(recorded)).toEqual([true, true])
    expect(transactions).toBe(2)
    expect(commits.load).toEqual({ points: 0, waiting: 0 })
    expect(await storedValues(second.gateway.id)).toEqual([3, 4])
  })

  it('records the rest of a refused batch poll by poll, rejecting only the poll the database refuses', async () => {
    const commits = new PollGroupCommit(async () => ctx)
    const polled = [await polledGateway(handle.db, greenfield), await polledGateway(handle.db, greenfield), await polledGateway(handle.db, greenfield)]
    const broken = polled[1]!.report([5, 6])
    // A point read without error but without a value: the readings insert violates NOT NULL for the whole batch.
    broken.points[0] = { ...broken.points[0]!, value: null }
    const results = await Promise.allSettled([commits.record(polled[0]!.report([1, 2])), commits.record(broken), commits.record(polled[2]!.report([3, 4]))])
    expect(results.map(result => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(transactions).toBe(4)
    expect(await storedValues(polled[0]!.gateway.id)).toEqual([1, 2])
    expect(await storedValues(polled[1]!.gateway.id)).toEqual([])
    expect(await storedValues(polled[2]!.gateway.id)).toEqual([3, 4])
  })
})
