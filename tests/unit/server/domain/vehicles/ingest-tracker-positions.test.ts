import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { positions, vehicles } from '../../../../../server/db/schema'
import { ingestTrackerPositions } from '../../../../../server/domain/vehicles/ingest-tracker-positions'
import type { TrackerIngestResponse } from '../../../../../server/domain/vehicles/ingest-tracker-positions'
import { flushPositionBatches } from '../../../../../server/domain/vehicles/position-batches'
import type { PositionInput } from '../../../../../server/domain/vehicles/position-schema'
import type { TestContext } from '../domain-context'
import { commitThenAnnounce } from '../domain-context'
import { useDemoDatabase } from '../../test-database'
import { countRows, freshVehicleContext, isoAfter } from './vehicle-test-kit'

let handle: DatabaseHandle
let ctx: TestContext
let northwind: number
let trucks: number[]

useDemoDatabase(demo => ({ handle, northwind, trucks } = demo))

beforeEach(async () => {
  ctx = await freshVehicleContext(handle)
  flushPositionBatches()
})

afterAll(() => flushPositionBatches())

function ingestTracker(items: Array<PositionInput & { at: string }>): Promise<TrackerIngestResponse> {
  return commitThenAnnounce(ctx, tx => ingestTrackerPositions(ctx, tx, northwind, { positions: items }))
}

const truckRow = async () => (await handle.db.select().from(vehicles).where(eq(vehicles.id, trucks[0]!)))[0]!

describe('tracker ingest', () => {
  it('stores a resent packet\'s records once: same vehicle and time are skipped, new ones stored', async () => {
    const first = [0, 1, 2].map(second => ({ vehicleId: trucks[0]!, lat: 50, lon: 10 + second / 100, satellites: 8, at: isoAfter(ctx.now(), second - 10) }))
    expect(await ingestTracker(first)).toMatchObject({ stored: 3, duplicates: 0 })
    ctx.broadcaster.clear()
    const resent = [...first, { vehicleId: trucks[0]!, lat: 50, lon: 10.5, satellites: 8, at: isoAfter(ctx.now(), -5) }]
    expect(await ingestTracker(resent)).toMatchObject({ stored: 1, duplicates: 3 })
    await expect(countRows(handle.db, positions)).resolves.toBe(4)
  })

  it('announces nothing for a packet that was entirely stored before', async () => {
    const item = { vehicleId: trucks[0]!, lat: 50, lon: 10, satellites: 8, at: isoAfter(ctx.now(), -1) }
    await ingestTracker([item])
    ctx.broadcaster.clear()
    expect(await ingestTracker([item])).toEqual({ stored: 0, vehiclesUpdated: 0, geoEvents: 0, duplicates: 1 })
    expect(ctx.broadcaster.sent).toEqual([])
  })

  it('keeps the raw IO values on the stored position', async () => {
    await ingestTracker([{ vehicleId: trucks[0]!, lat: 50, lon: 10, satellites: 8, at: isoAfter(ctx.now(), -1), io: { 21: 4, 256: '31' } }])
    const [stored] = await handle.db.select().from(positions)
    expect(stored!.io).toEqual({ 21: 4, 256: '31' })
  })
})

describe('records without a GPS fix', () => {
  it('leave the vehicle at its last fix, status no_gps, sensors updated', async () => {
    await ingestTracker([
      { vehicleId: trucks[0]!, lat: 50.5, lon: 10.5, course: 80, satellites: 8, at: isoAfter(ctx.now(), -10) },
      { vehicleId: trucks[0]!, lat: 0, lon: 0, satellites: 0, at: isoAfter(ctx.now(), -5), sensors: { ignition: true } },
    ])
    expect(await truckRow()).toMatchObject({ lat: 50.5, lon: 10.5, course: 80, status: 'no_gps', sensors: { ignition: true } })
    await ingestTracker([{ vehicleId: trucks[0]!, lat: 0, lon: 0, satellites: 0, at: isoAfter(ctx.now(), -1), sensors: { externalVoltage: 12.4 } }])
    expect(await truckRow()).toMatchObject({ lat: 50.5, lon: 10.5, status: 'no_gps', sensors: { ignition: true, externalVoltage: 12.4 } })
  })
})
