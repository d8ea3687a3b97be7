import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { flushPositionBatches, newestPerVehicle } from '../../../../../server/domain/vehicles/position-batches'
import type { PositionBatchPayload, PositionPayload } from '../../../../../shared/events'
import type { TestContext } from '../domain-context'
import { testContext } from '../domain-context'
import { useDemoDatabase } from '../../test-database'
import { freshVehicleContext, ingest, isoAfter } from './vehicle-test-kit'

let handle: DatabaseHandle
let ctx: TestContext
let northwind: number
let greenfield: number
let trucks: number[]
let tractors: number[]

const payload = (vehicleId: number, recordedAt: string, lat = 50): PositionPayload => ({
  vehicleId, lat, lon: 10, speed: 0, course: 0, altitude: null, satellites: null, recordedAt, status: 'stopped',
})

useDemoDatabase(demo => ({ handle, northwind, greenfield, trucks, tractors } = demo))

beforeEach(async () => {
  flushPositionBatches()
  // Long enough that only flushPositionBatches() sends, however slow the machine.
  ctx = await freshVehicleContext(handle, { positionBatchMs: 60_000 })
})

afterAll(() => flushPositionBatches())

describe('newestPerVehicle', () => {
  it('keeps the newest position of each vehicle by time, not by arrival', () => {
    const kept = newestPerVehicle([payload(2, '2026-06-01T08:00:05Z'), payload(1, '2026-06-01T08:00:09Z'), payload(2, '2026-06-01T08:00:01Z')])
    expect(kept.map(item => [item.vehicleId, item.recordedAt])).toEqual([[1, '2026-06-01T08:00:09Z'], [2, '2026-06-01T08:00:05Z']])
  })

  it('prefers the later arrival among equal times (an offline mark after the position it marks)', () => {
    const kept = newestPerVehicle([payload(1, '2026-06-01T08:00:00Z', 50), payload(1, '2026-06-01T08:00:00Z', 51)])
    expect(kept).toEqual([payload(1, '2026-06-01T08:00:00Z', 51)])
  })
})

describe('position.batch', () => {
  it('coalesces several requests into one batch per tenant with only the newest position per vehicle', async () => {
    for (let second = 0; second < 5; second++) {
      await ingest(ctx, northwind, { positions: [
        { vehicleId: trucks[0], lat: 50 + second / 1000, lon: 10, speed: 20 },
        { vehicleId: trucks[1], lat: 51 + second / 1000, lon: 11, speed: 20 },
      ] })
      ctx.advance(1000)
    }
    expect(ctx.broadcaster.of('position.batch')).toEqual([])
    flushPositionBatches()
    const batches = ctx.broadcaster.of('position.batch')
    expect(batches).toHaveLength(1)
    expect(batches[0]!.channels).toEqual([`private-tenant.${northwind}.fleet`])
    const { positions } = batches[0]!.payload as PositionBatchPayload
    expect(positions.map(item => [item.vehicleId, item.lat, item.recordedAt])).toEqual([
      [trucks[0], 50.004, isoAfter(ctx.now(), -1)],
      [trucks[1], 51.004, isoAfter(ctx.now(), -1)],
    ])
  })

  it('keeps each tenant\'s vehicles on its own fleet channel', async () => {
    await ingest(ctx, northwind, { vehicleId: trucks[2], lat: 50, lon: 10 })
    await ingest(ctx, greenfield, { vehicleId: tractors[0], lat: 48, lon: 9 })
    flushPositionBatches()
    const byChannel = Object.fromEntries(ctx.broadcaster.of('position.batch').map(item => [item.channels.join(), (item.payload as PositionBatchPayload).positions.map(p => p.vehicleId)]))
    expect(byChannel).toEqual({ [`private-tenant.${northwind}.fleet`]: [trucks[2]], [`private-tenant.${greenfield}.fleet`]: [tractors[0]] })
  })

  it('is sent by itself once the batch interval has passed', async () => {
    const fast = testContext(handle, { positionBatchMs: 20 })
    await ingest(fast, northwind, { vehicleId: trucks[0], lat: 50, lon: 10 })
    expect(fast.broadcaster.of('position.batch')).toEqual([])
    await new Promise(resolve => setTimeout(resolve, 80))
    expect(fast.broadcaster.of('position.batch')).toHaveLength(1)
  })
})
