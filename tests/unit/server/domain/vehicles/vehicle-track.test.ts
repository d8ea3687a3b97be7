import { beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { positions } from '../../../../../server/db/schema'
import { trackQuerySchema } from '../../../../../server/domain/vehicles/track-schema'
import { vehicleTrack } from '../../../../../server/domain/vehicles/vehicle-track'
import type { TestContext } from '../domain-context'
import { useDemoDatabase } from '../../test-database'
import { freshVehicleContext, isoAfter } from './vehicle-test-kit'

let handle: DatabaseHandle
let ctx: TestContext
let northwind: number
let trucks: number[]

/** One position a minute for `minutes` minutes before now, lat counting the minutes (0 = oldest). */
async function storeMinutes(vehicleId: number, minutes: number): Promise<void> {
  const now = ctx.now().getTime()
  await handle.db.insert(positions).values(Array.from({ length: minutes }, (_, index) => ({
    tenantId: northwind, vehicleId, lat: index, lon: 10, recordedAt: new Date(now - (minutes - 1 - index) * 60_000),
  })))
}

useDemoDatabase(demo => ({ handle, northwind, trucks } = demo))

beforeEach(async () => {
  ctx = await freshVehicleContext(handle)
})

describe('vehicleTrack', () => {
  it('gives the last hour by default, oldest first', async () => {
    await storeMinutes(trucks[0]!, 90)
    const track = await vehicleTrack(handle.db, trucks[0]!, {}, ctx.now())
    expect(track.from).toBe(isoAfter(ctx.now(), -3600))
    expect(track.total).toBe(61)
    expect(track.points.map(point => point.lat)).toEqual(Array.from({ length: 61 }, (_, index) => 29 + index))
    expect(track.points.at(-1)).toEqual({ lat: 89, lon: 10, speed: 0, course: 0, altitude: null, satellites: null, sensors: null, recordedAt: ctx.now().toISOString() })
  })

  it('keeps to the given range and to the vehicle', async () => {
    await storeMinutes(trucks[0]!, 30)
    await storeMinutes(trucks[1]!, 30)
    const track = await vehicleTrack(handle.db, trucks[0]!, { from: isoAfter(ctx.now(), -600), to: isoAfter(ctx.now(), -300) }, ctx.now())
    expect(track.points.map(point => point.lat)).toEqual([19, 20, 21, 22, 23, 24])
  })

  it('thins a long track evenly to the cap, keeping the first and the last point', async () => {
    await storeMinutes(trucks[0]!, 41)
    const track = await vehicleTrack(handle.db, trucks[0]!, { from: isoAfter(ctx.now(), -7200) }, ctx.now(), 5)
    expect(track.total).toBe(41)
    expect(track.points.map(point => point.lat)).toEqual([0, 10, 20, 30, 40])
  })

  it('gives exactly the cap when the total does not divide evenly', async () => {
    await storeMinutes(trucks[0]!, 50)
    const track = await vehicleTrack(handle.db, trucks[0]!, { from: isoAfter(ctx.now(), -7200) }, ctx.now(), 7)
    const lats = track.points.map(point => point.lat)
    expect(lats).toHaveLength(7)
    expect([lats[0], lats.at(-1)]).toEqual([0, 49])
    const gaps = lats.slice(1).map((lat, index) => lat - lats[index]!)
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(1)
  })

  it('leaves out records without a GPS fix (satellites 0 or zero coordinates), keeping those with no satellite count', async () => {
    const at = (minutesAgo: number) => new Date(ctx.now().getTime() - minutesAgo * 60_000)
    await handle.db.insert(positions).values([
      { tenantId: northwind, vehicleId: trucks[0]!, lat: 52.1, lon: 4.9, satellites: 9, recordedAt: at(4) },
      { tenantId: northwind, vehicleId: trucks[0]!, lat: 0, lon: 0, satellites: 0, recordedAt: at(3) },
      { tenantId: northwind, vehicleId: trucks[0]!, lat: 52.2, lon: 4.9, satellites: 0, recordedAt: at(2) },
      { tenantId: northwind, vehicleId: trucks[0]!, lat: 0, lon: 0, satellites: 5, recordedAt: at(1) },
      { tenantId: northwind, vehicleId: trucks[0]!, lat: 52.3, lon: 4.9, recordedAt: at(0) },
    ])
    const track = await vehicleTrack(handle.db, trucks[0]!, {}, ctx.now())
    expect(track.total).toBe(2)
    expect(track.points.map(point => [point.lat, point.satellites])).toEqual([[52.1, 9], [52.3, null]])
  })

  it('is empty without positions in range', async () => {
    expect(await vehicleTrack(handle.db, trucks[2]!, {}, ctx.now())).toMatchObject({ total: 0, points: [] })
  })
})

describe('trackQuerySchema', () => {
  it('refuses a range whose from is after its to, naming from, and a non-ISO time', () => {
    const reversed = trackQuerySchema.safeParse({ from: '2026-06-01T09:00:00Z', to: '2026-06-01T08:00:00Z' })
    expect(reversed.error?.issues[0]?.path).toEqual(['from'])
    expect(trackQuerySchema.safeParse({ to: 'now' }).error?.issues[0]?.path).toEqual(['to'])
  })
})
