// The MQTT telemetry group commit's bound on a real database: QoS 1 messages wait for room (stored, never
// dropped), QoS 0 messages past the bound are dropped as overflow, a tenant's messages share a transaction.
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { telemetry } from '../../../../../server/db/schema'
import { TelemetryGroupCommit } from '../../../../../server/devices/mqtt/telemetry-group-commit'
import { flushTelemetryBatches } from '../../../../../server/domain/zones/telemetry-batches'
import { useDemoDatabase } from '../../test-database'
import type { TestContext } from '../../domain/domain-context'
import { testContext } from '../../domain/domain-context'
import { nodeOf, setThresholds } from '../../domain/zones/zone-fixtures'

let handle: DatabaseHandle
let ctx: TestContext
let greenfield: number
let uid: string
let nodeId: number
let transactions = 0

useDemoDatabase(async (demo) => {
  ({ handle, greenfield } = demo)
  await setThresholds(handle.db, demo.zoneA, {})
  const node = await nodeOf(handle.db, demo.zoneA)
  ;({ uid, id: nodeId } = node)
  const base = testContext(handle, { telemetryBatchMs: 20 })
  const transaction = handle.db.transaction.bind(handle.db)
  ctx = { ...base, db: Object.assign(Object.create(handle.db), { transaction: (...args: Parameters<typeof transaction>) => { transactions += 1; return transaction(...args) } }) }
})

afterAll(() => flushTelemetryBatches())

const item = (value: number) => ({ device: uid, samples: [{ metric: 'bench', value, at: '2026-06-01T07:59:00Z' }] })
const delivery = (id: number) => ({ key: `mqtt:test:${id}`, payload: Buffer.from(String(id)), redelivery: false })
const never = async () => { throw new Error('stored alone') }
const storedValues = async () => (await handle.db.select({ value: telemetry.value }).from(telemetry).where(eq(telemetry.metric, 'bench'))).map(row => row.value).sort((a, b) => a - b)

describe('TelemetryGroupCommit', () => {
  it('stores QoS 1 messages past the bound once room is made, in as few transactions as the bound allows', async () => {
    const commits = new TelemetryGroupCommit(2)
    transactions = 0
    const pending = [1, 2, 3, 4, 5].map(value => commits.store(ctx, greenfield, item(value), delivery(value), never))
    expect(commits.load).toEqual({ messages: 2, waiting: 3 })
    expect((await Promise.all(pending)).map(result => result.outcome)).toEqual(['stored', 'stored', 'stored', 'stored', 'stored'])
    expect(await storedValues()).toEqual([1, 2, 3, 4, 5])
    expect(transactions).toBe(3)
    expect(commits.load).toEqual({ messages: 0, waiting: 0 })
  })

  it('is full while messages wait for room and keeps committing batches as more arrive, then is not full', async () => {
    await handle.db.delete(telemetry).where(eq(telemetry.deviceId, nodeId))
    const commits = new TelemetryGroupCommit(2)
    expect(commits.full).toBe(false)
    const early = [21, 22, 23].map(value => commits.store(ctx, greenfield, item(value), delivery(value), never))
    expect(commits.full).toBe(true)
    // The first batch commits while the queue is full, and messages arriving after it still get their turn.
    expect((await early[0]!).outcome).toBe('stored')
    const late = [24, 25, 26].map(value => commits.store(ctx, greenfield, item(value), delivery(value), never))
    expect(commits.full).toBe(true)
    expect((await Promise.all([...early, ...late])).map(result => result.outcome)).toEqual(Array.from({ length: 6 }, () => 'stored'))
    expect(await storedValues()).toEqual([21, 22, 23, 24, 25, 26])
    expect(commits.full).toBe(false)
  })

  it('drops QoS 0 messages that find the queue full as overflow and stores those that found room', async () => {
    await handle.db.delete(telemetry).where(eq(telemetry.deviceId, nodeId))
    const commits = new TelemetryGroupCommit(2)
    const results = await Promise.all([11, 12, 13].map(value => commits.store(ctx, greenfield, item(value), null, never)))
    expect(results.map(result => result.outcome)).toEqual(['stored', 'stored', 'overflow'])
    expect(await storedValues()).toEqual([11, 12])
  })
})
