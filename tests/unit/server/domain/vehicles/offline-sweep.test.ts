import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { vehicles } from '../../../../../server/db/schema'
import { markOfflineVehicles } from '../../../../../server/domain/vehicles/offline-sweep'
import { flushPositionBatches } from '../../../../../server/domain/vehicles/position-batches'
import type { PositionBatchPayload } from '../../../../../shared/events'
import type { TestContext } from '../domain-context'
import { useDemoDatabase } from '../../test-database'
import { freshVehicleContext, ingest } from './vehicle-test-kit'

let handle: DatabaseHandle
let ctx: TestContext
let northwind: number
let trucks: number[]

async function status(id: number): Promise<string> {
  const [row] = await handle.db.select({ status: vehicles.status }).from(vehicles).where(eq(vehicles.id, id))
  return row!.status
}

useDemoDatabase(demo => ({ handle, northwind, trucks } = demo))

beforeEach(async () => {
  flushPositionBatches()
  ctx = await freshVehicleContext(handle, { positionBatchMs: 60_000 })
})

afterAll(() => flushPositionBatches())

describe('markOfflineVehicles', () => {
  it('marks a vehicle silent for longer than the limit offline, and leaves a recent one', async () => {
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50, lon: 10, speed: 30 })
    ctx.advance(200_000)
    await ingest(ctx, northwind, { vehicleId: trucks[1], lat: 51, lon: 11, speed: 30 })
    ctx.advance(101_000)
    const changed = await markOfflineVehicles(ctx)
    expect(changed.map(payload => payload.vehicleId)).toEqual([trucks[0]])
    expect([await status(trucks[0]!), await status(trucks[1]!), await status(trucks[2]!)]).toEqual(['offline', 'moving', 'offline'])
  })

  it('broadcasts the last position with status offline on the vehicle channel and in the fleet batch, once', async () => {
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50, lon: 10, speed: 30 })
    const at = ctx.now().toISOString()
    ctx.advance(60_000)
    ctx.broadcaster.clear()
    await markOfflineVehicles(ctx, 30)
    await markOfflineVehicles(ctx, 30)
    flushPositionBatches()
    const sent = ctx.broadcaster.sent.map(item => [item.event, item.channels])
    expect(sent).toEqual([['position', [`private-vehicle.${trucks[0]}`]], ['position.batch', [`private-tenant.${northwind}.fleet`]]])
    expect(ctx.broadcaster.of('position')[0]!.payload).toMatchObject({ vehicleId: trucks[0], lat: 50, lon: 10, recordedAt: at, status: 'offline' })
    const batch = ctx.broadcaster.of('position.batch')[0]!.payload as PositionBatchPayload
    expect(batch.positions.map(position => position.status)).toEqual(['offline'])
  })

  it('lets a new position bring an offline vehicle back', async () => {
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50, lon: 10, speed: 30 })
    ctx.advance(600_000)
    await markOfflineVehicles(ctx)
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50, lon: 10, speed: 30 })
    expect(await status(trucks[0]!)).toBe('moving')
  })
})
