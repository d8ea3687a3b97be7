import { beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { geozones } from '../../../../../server/db/schema'
import { fleetSnapshot, vehicleDetail } from '../../../../../server/domain/vehicles/vehicle-queries'
import type { TestContext } from '../domain-context'
import { tenantId, useDemoDatabase } from '../../test-database'
import { freshVehicleContext, ingest, isoAfter } from './vehicle-test-kit'

let handle: DatabaseHandle
let ctx: TestContext
let northwind: number
let trucks: number[]
let tractors: number[]

useDemoDatabase(demo => ({ handle, northwind, trucks, tractors } = demo))

beforeEach(async () => {
  ctx = await freshVehicleContext(handle)
})

describe('vehicleDetail', () => {
  it('gives the latest position (altitude and satellites included), sensors, status and the geozones it is in', async () => {
    const [yard] = await handle.db.insert(geozones).values({ tenantId: northwind, name: 'Depot yard', color: '#00aa00', shape: { kind: 'circle', center: [10, 50], radiusMeters: 500 } }).returning()
    await handle.db.insert(geozones).values({ tenantId: northwind, name: 'Elsewhere', shape: { kind: 'circle', center: [12, 52], radiusMeters: 500 } })
    await ingest(ctx, northwind, { positions: [
      { vehicleId: trucks[0], lat: 50.0001, lon: 10.0001, speed: 2, altitude: 120, satellites: 9, sensors: { ignition: true, fuel: 61 } },
      { vehicleId: trucks[0], lat: 49, lon: 9, speed: 50, altitude: 80, satellites: 4, at: isoAfter(ctx.now(), -100) },
    ] })
    const detail = await vehicleDetail(handle.db, trucks[0]!)
    expect(detail).toEqual({
      id: trucks[0], tenantId: northwind, name: 'Truck 11', plate: 'NO 100', status: 'stopped', speedLimit: 90,
      sensors: { ignition: true, fuel: 61 }, lastPositionAt: ctx.now().toISOString(),
      position: { vehicleId: trucks[0], lat: 50.0001, lon: 10.0001, speed: 2, course: 0, altitude: 120, satellites: 9, recordedAt: ctx.now().toISOString(), status: 'stopped' },
      hasTracker: true,
      geozones: [{ id: yard!.id, name: 'Depot yard', color: '#00aa00', enteredAt: ctx.now().toISOString() }],
    })
  })

  it('has no position before the first one, no tracker without an IMEI, and is null for an unknown vehicle', async () => {
    expect(await vehicleDetail(handle.db, trucks[2]!)).toMatchObject({ status: 'offline', position: null, lastPositionAt: null, geozones: [], hasTracker: false })
    expect(await vehicleDetail(handle.db, 2_000_000_000)).toBeNull()
  })
})

describe('fleetSnapshot', () => {
  it('lists every vehicle of the tenant, and only those, with its latest position and status', async () => {
    await ingest(ctx, northwind, { positions: [
      { vehicleId: trucks[0], lat: 50, lon: 10, speed: 40 },
      { vehicleId: trucks[1], lat: 51, lon: 11, speed: 0, sensors: { ignition: false } },
    ] })
    await ingest(ctx, await tenantId(handle.db, 'greenfield'), { vehicleId: tractors[0], lat: 48, lon: 9 })
    const fleet = await fleetSnapshot(handle.db, northwind)
    expect(fleet.map(vehicle => [vehicle.id, vehicle.status, vehicle.position?.lat ?? null])).toEqual([
      [trucks[0], 'moving', 50], [trucks[1], 'parking', 51], [trucks[2], 'offline', null],
    ])
    expect(fleet[1]!.position).toMatchObject({ vehicleId: trucks[1], status: 'parking', recordedAt: ctx.now().toISOString() })
  })
})
