import { beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../../server/db/connection'
import { positions } from '../../../../../../server/db/schema'
import { positionPages } from '../../../../../../server/domain/vehicles/trips/position-pages'
import { allOf, stopPages, tripPages } from '../../../../../../server/domain/vehicles/trips/vehicle-trips'
import type { TestContext } from '../../domain-context'
import { useDemoDatabase } from '../../../test-database'
import { freshVehicleContext, ingest } from '../vehicle-test-kit'

let handle: DatabaseHandle
let ctx: TestContext
let northwind: number
let trucks: number[]

useDemoDatabase(demo => ({ handle, northwind, trucks } = demo))

beforeEach(async () => {
  ctx = await freshVehicleContext(handle)
})

/** Fixes every minute from `startIso` for `count` minutes from `fromLat`, creeping north at `speed` with the ignition as given. */
function minutes(vehicleId: number, startIso: string, count: number, speed: number, ignition: boolean, fromLat = 52) {
  const start = Date.parse(startIso)
  return Array.from({ length: count }, (_, index) => ({
    vehicleId, lat: fromLat + (speed > 0 ? index * 0.001 : 0), lon: 5, speed, satellites: 9,
    at: new Date(start + index * 60_000).toISOString(), sensors: { ignition },
  }))
}

describe('trips from stored positions', () => {
  it('splits back-filled positions by their stored ignition, across midnight, for a range given in another time zone', async () => {
    await ingest(ctx, northwind, { vehicleId: trucks[0]!, lat: 52.5, lon: 5, speed: 0, sensors: { ignition: false } })
    // Back-filled after the live fix: creeping at 3 km/h with the ignition on (a trip only because of the ignition).
    await ingest(ctx, northwind, { positions: [
      ...minutes(trucks[0]!, '2026-05-31T23:40:00Z', 40, 3, true),
      ...minutes(trucks[0]!, '2026-06-01T00:20:00Z', 20, 0, false, 52.04),
    ] })
    const range = { from: new Date('2026-06-01T00:00:00+02:00'), to: new Date('2026-06-01T09:00:00+02:00') }
    const trips = await allOf(tripPages(handle.db, trucks[0]!, range, ctx.now()))
    expect(trips).toEqual([expect.objectContaining({ startAt: '2026-05-31T23:40:00.000Z', endAt: '2026-06-01T00:20:00.000Z', durationSeconds: 2400, maxSpeed: 3 })])
    expect(trips[0]!.distanceKm).toBeCloseTo(40 * 0.001 * 111.195, 1)
    const stops = await allOf(stopPages(handle.db, trucks[0]!, range, ctx.now()))
    // The range ends before the present: the stop is cut at its last fix in the range.
    expect(stops).toEqual([expect.objectContaining({ startAt: '2026-06-01T00:20:00.000Z', endAt: '2026-06-01T00:39:00.000Z', durationSeconds: 1140 })])
  })

  it('reads only the vehicle and the range asked for', async () => {
    await ingest(ctx, northwind, { positions: [
      ...minutes(trucks[0]!, '2026-06-01T06:00:00Z', 30, 40, true),
      ...minutes(trucks[1]!, '2026-06-01T05:00:00Z', 30, 40, true),
    ] })
    const trips = await allOf(tripPages(handle.db, trucks[0]!, { from: new Date('2026-06-01T06:10:00Z'), to: new Date('2026-06-01T06:20:00Z') }, ctx.now()))
    expect(trips).toEqual([expect.objectContaining({ startAt: '2026-06-01T06:10:00.000Z', endAt: '2026-06-01T06:20:00.000Z' })])
  })
})

describe('positionPages', () => {
  it('reads every position once, in time order, across pages and equal times', async () => {
    const at = new Date('2026-06-01T07:00:00Z')
    await handle.db.insert(positions).values(Array.from({ length: 20 }, (_, index) => ({
      tenantId: northwind, vehicleId: trucks[0]!, lat: index, lon: 5, recordedAt: new Date(at.getTime() + Math.floor(index / 3) * 1000),
    })))
    const pages: number[][] = []
    for await (const page of positionPages(handle.db, trucks[0]!, at, ctx.now(), 7)) pages.push(page.map(row => row.lat))
    expect(pages.map(page => page.length)).toEqual([7, 7, 6])
    expect(pages.flat()).toEqual(Array.from({ length: 20 }, (_, index) => index))
  })
})
