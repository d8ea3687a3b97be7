import { beforeEach, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { notifications, vehicles } from '../../../../../server/db/schema'
import { speedingStarts } from '../../../../../server/domain/vehicles/speeding'
import type { TestContext } from '../domain-context'
import { useDemoDatabase } from '../../test-database'
import { freshVehicleContext, ingest, isoAfter } from './vehicle-test-kit'

let handle: DatabaseHandle
let ctx: TestContext
let northwind: number
let trucks: number[]
let northwindUsers: number[]

function run(vehicleId: number, speeds: number[]) {
  return { positions: speeds.map((speed, index) => ({ vehicleId, lat: 50, lon: 10, speed, at: isoAfter(ctx.now(), index) })) }
}

async function speedingTitles(): Promise<string[]> {
  const rows = await handle.db.select({ title: notifications.title }).from(notifications).where(eq(notifications.kind, 'speeding')).orderBy(asc(notifications.id))
  return rows.map(row => row.title)
}

useDemoDatabase(demo => ({ handle, northwind, trucks, northwindUsers } = demo))

beforeEach(async () => {
  ctx = await freshVehicleContext(handle)
})

describe('speedingStarts', () => {
  const points = (speeds: number[]) => speeds.map(speed => ({ speed }))

  it('returns the first point of each excursion over the limit', () => {
    expect(speedingStarts(null, points([80, 95, 100, 96, 85, 97]), 90)).toEqual([{ speed: 95 }, { speed: 97 }])
  })

  it('continues an excursion that was already going on before the points', () => {
    expect(speedingStarts(95, points([99, 80, 91]), 90)).toEqual([{ speed: 91 }])
  })

  it('does not count exactly the limit as over it', () => {
    expect(speedingStarts(0, points([90, 90]), 90)).toEqual([])
  })
})

describe('speeding notifications', () => {
  it('stores one notification per user per excursion, not per point', async () => {
    await ingest(ctx, northwind, run(trucks[0]!, [80, 95, 100, 96, 85, 97]))
    const titles = await speedingTitles()
    expect(titles).toEqual([...Array(3).fill('Truck 11 is speeding: 95 km/h'), ...Array(3).fill('Truck 11 is speeding: 97 km/h')])
    const sentTo = ctx.broadcaster.of('notification').flatMap(item => item.channels)
    expect(sentTo.sort()).toEqual([...northwindUsers, ...northwindUsers].map(id => `private-user.${id}`).sort())
  })

  it('does not notify again when the next request continues the same excursion', async () => {
    await ingest(ctx, northwind, run(trucks[0]!, [100]))
    ctx.advance(10_000)
    await ingest(ctx, northwind, run(trucks[0]!, [105, 110]))
    expect(await speedingTitles()).toHaveLength(3)
    ctx.advance(10_000)
    await ingest(ctx, northwind, run(trucks[0]!, [60]))
    ctx.advance(10_000)
    await ingest(ctx, northwind, run(trucks[0]!, [92]))
    expect(await speedingTitles()).toHaveLength(6)
  })

  it('uses the vehicle\'s own speed limit', async () => {
    await handle.db.update(vehicles).set({ speedLimit: 50 }).where(eq(vehicles.id, trucks[1]!))
    await ingest(ctx, northwind, run(trucks[1]!, [60]))
    await ingest(ctx, northwind, run(trucks[0]!, [60]))
    expect(await speedingTitles()).toEqual(Array(3).fill('Truck 12 is speeding: 60 km/h'))
  })

  it('ignores resent old points over the limit', async () => {
    await ingest(ctx, northwind, run(trucks[0]!, [50]))
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50, lon: 10, speed: 130, at: isoAfter(ctx.now(), -30) })
    expect(await speedingTitles()).toEqual([])
  })
})
