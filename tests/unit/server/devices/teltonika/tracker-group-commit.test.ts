// Group commit across trackers on a real database: one transaction for packets arriving together, each
// settled only after its commit, resends stored once, a bounded queue, and a refused packet kept apart.
import { eq } from 'drizzle-orm'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { positions, vehicles } from '../../../../../server/db/schema'
import { TrackerGroupCommit } from '../../../../../server/devices/teltonika/tracker-group-commit'
import { flushPositionBatches } from '../../../../../server/domain/vehicles/position-batches'
import type { TestContext } from '../../domain/domain-context'
import { useDemoDatabase } from '../../test-database'
import { countRows, freshVehicleContext, isoAfter } from '../../domain/vehicles/vehicle-test-kit'

let handle: DatabaseHandle
let ctx: TestContext
let northwind: number
let greenfield: number
let trucks: number[]
let tractors: number[]
let transactions: number

useDemoDatabase(demo => ({ handle, northwind, greenfield, trucks, tractors } = demo))

beforeEach(async () => {
  ctx = await freshVehicleContext(handle)
  transactions = 0
  const transaction = handle.db.transaction.bind(handle.db)
  ctx = { ...ctx, db: Object.assign(Object.create(handle.db), { transaction: (...args: Parameters<typeof transaction>) => { transactions += 1; return transaction(...args) } }) }
  flushPositionBatches()
})

afterAll(() => flushPositionBatches())

/** A packet of `count` records of `vehicleId`, one second apart, ending `endSecondsAgo` before the test's now. */
function packet(vehicleId: number, count: number, endSecondsAgo = 1) {
  return Array.from({ length: count }, (_, index) => ({ vehicleId, lat: 52, lon: 4 + index / 1000, satellites: 8, at: isoAfter(ctx.now(), -endSecondsAgo - (count - 1 - index)) }))
}

describe('TrackerGroupCommit', () => {
  it('stores packets of many trackers of two tenants arriving together in one transaction, each settled after the commit', async () => {
    const commits = new TrackerGroupCommit(async () => ctx)
    const sent = [...trucks.slice(0, 3).map(id => ({ id, tenantId: northwind })), ...tractors.slice(0, 2).map(id => ({ id, tenantId: greenfield }))]
    const stored = await Promise.all(sent.map(vehicle => commits.store(vehicle, packet(vehicle.id, 3)).then(() => countRows(handle.db, positions))))
    expect(transactions).toBe(1)
    expect(stored).toEqual([15, 15, 15, 15, 15])
    expect(ctx.broadcaster.sent.filter(broadcast => broadcast.event === 'position')).toHaveLength(5)
  })

  it('stores a packet resent on a second connection of the same tracker only once, both settled', async () => {
    const commits = new TrackerGroupCommit(async () => ctx)
    const truck = { id: trucks[0]!, tenantId: northwind }
    const same = packet(truck.id, 4)
    await Promise.all([commits.store(truck, same), commits.store(truck, same)])
    await commits.store(truck, same)
    await expect(countRows(handle.db, positions)).resolves.toBe(4)
  })

  it('holds a packet that would pass the capacity until the batch before it is stored, then stores it too', async () => {
    const commits = new TrackerGroupCommit(async () => ctx, { capacityRecords: 5, maxBatchRecords: 100 })
    const first = commits.store({ id: trucks[0]!, tenantId: northwind }, packet(trucks[0]!, 3))
    const second = commits.store({ id: trucks[1]!, tenantId: northwind }, packet(trucks[1]!, 3))
    expect(commits.load).toEqual({ records: 3, waiting: 1 })
    await Promise.all([first, second])
    expect(transactions).toBe(2)
    expect(commits.load).toEqual({ records: 0, waiting: 0 })
    await expect(countRows(handle.db, positions)).resolves.toBe(6)
  })

  it('stores the rest of a batch packet by packet when one packet is refused, rejecting only that one', async () => {
    const commits = new TrackerGroupCommit(async () => ctx)
    // A vehicle claimed for the wrong tenant is what the domain refuses (422) as a whole transaction.
    const results = await Promise.allSettled([
      commits.store({ id: trucks[0]!, tenantId: northwind }, packet(trucks[0]!, 2)),
      commits.store({ id: tractors[0]!, tenantId: northwind }, packet(tractors[0]!, 2)),
      commits.store({ id: trucks[1]!, tenantId: northwind }, packet(trucks[1]!, 2)),
    ])
    expect(results.map(result => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    const rows = await handle.db.select({ vehicleId: positions.vehicleId }).from(positions)
    expect(rows.map(row => row.vehicleId).sort()).toEqual([trucks[0]!, trucks[0]!, trucks[1]!, trucks[1]!].sort())
    expect((await handle.db.select().from(vehicles).where(eq(vehicles.id, tractors[0]!)))[0]!.lastPositionAt).toBeNull()
  })
})
