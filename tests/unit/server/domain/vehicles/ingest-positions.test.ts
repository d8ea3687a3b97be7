import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../../server/db/connection'
import { positions, vehicles } from '../../../../../server/db/schema'
import { flushPositionBatches } from '../../../../../server/domain/vehicles/position-batches'
import type { PositionPayload } from '../../../../../shared/events'
import type { TestContext } from '../domain-context'
import { rejection } from '../domain-context'
import { demoUserId, useDemoDatabase } from '../../test-database'
import { countRows, freshVehicleContext, ingest, isoAfter } from './vehicle-test-kit'

let handle: DatabaseHandle
let ctx: TestContext
let northwind: number
let greenfield: number
let trucks: number[]
let tractors: number[]

async function vehicleRow(id: number) {
  const [row] = await handle.db.select().from(vehicles).where(eq(vehicles.id, id))
  return row!
}

useDemoDatabase(demo => ({ handle, northwind, greenfield, trucks, tractors } = demo))

beforeEach(async () => {
  ctx = await freshVehicleContext(handle)
  flushPositionBatches()
})

afterAll(() => flushPositionBatches())

describe('storing positions', () => {
  it('stores every position of a batch and moves the latest to the newest one, whatever the order', async () => {
    const start = ctx.now()
    const response = await ingest(ctx, northwind, { positions: [
      { vehicleId: trucks[0], lat: 50.02, lon: 10.02, speed: 40, course: 90, at: isoAfter(start, -10) },
      { vehicleId: trucks[0], lat: 50.03, lon: 10.03, speed: 50, course: 180, altitude: 210, satellites: 11, at: isoAfter(start, 0) },
      { vehicleId: trucks[0], lat: 50.01, lon: 10.01, speed: 30, course: 45, at: isoAfter(start, -20) },
    ] })
    expect(response).toEqual({ stored: 3, vehiclesUpdated: 1, geoEvents: 0 })
    await expect(countRows(handle.db, positions)).resolves.toBe(3)
    const row = await vehicleRow(trucks[0]!)
    expect(row).toMatchObject({ lat: 50.03, lon: 10.03, speed: 50, course: 180, status: 'moving' })
    expect(row.lastPositionAt).toEqual(start)
  })

  it('defaults the time to now and speed and course to 0', async () => {
    await ingest(ctx, northwind, { vehicleId: trucks[1], lat: 50, lon: 10 })
    const [stored] = await handle.db.select().from(positions).where(eq(positions.vehicleId, trucks[1]!))
    expect(stored).toMatchObject({ tenantId: northwind, speed: 0, course: 0, altitude: null, satellites: null })
    expect(stored!.recordedAt).toEqual(ctx.now())
  })

  it('stores a resent older point without moving the latest position or announcing it', async () => {
    const start = ctx.now()
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50.5, lon: 10.5, speed: 20, at: isoAfter(start, 0) })
    ctx.broadcaster.clear()
    const response = await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 49, lon: 9, speed: 80, at: isoAfter(start, -60) })
    expect(response).toEqual({ stored: 1, vehiclesUpdated: 0, geoEvents: 0 })
    await expect(countRows(handle.db, positions)).resolves.toBe(2)
    expect(await vehicleRow(trucks[0]!)).toMatchObject({ lat: 50.5, lon: 10.5, speed: 20, lastPositionAt: start })
    expect(ctx.broadcaster.sent).toEqual([])
  })

  it('treats a point at exactly the stored time as old', async () => {
    const at = isoAfter(ctx.now(), 0)
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50.5, lon: 10.5, at })
    const response = await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 51, lon: 11, at })
    expect(response.vehiclesUpdated).toBe(0)
    expect((await vehicleRow(trucks[0]!)).lat).toBe(50.5)
  })

  it('merges sensors, later values winning, and keeps them on the vehicle row', async () => {
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50, lon: 10, sensors: { fuel: 50, ignition: true, temperature: 4 } })
    ctx.advance(10_000)
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50, lon: 10, sensors: { fuel: 48 } })
    expect((await vehicleRow(trucks[0]!)).sensors).toEqual({ fuel: 48, ignition: true, temperature: 4 })
  })
})

describe('refusals', () => {
  it('refuses a vehicle of another tenant with 422 naming positions.N.vehicleId and writes nothing', async () => {
    const error = await rejection(ingest(ctx, northwind, { positions: [
      { vehicleId: trucks[0], lat: 50, lon: 10 },
      { vehicleId: trucks[1], lat: 50, lon: 10 },
      { vehicleId: tractors[0], lat: 50, lon: 10 },
    ] }))
    expect(error.status).toBe(422)
    expect(error.field).toBe('positions.2.vehicleId')
    await expect(countRows(handle.db, positions)).resolves.toBe(0)
    for (const id of [...trucks, ...tractors]) expect((await vehicleRow(id)).lastPositionAt).toBeNull()
    expect(ctx.broadcaster.sent).toEqual([])
  })

  it('names `vehicleId` for a single position of an unknown vehicle', async () => {
    const error = await rejection(ingest(ctx, northwind, { vehicleId: 2_000_000_000, lat: 50, lon: 10 }))
    expect([error.status, error.field]).toEqual([422, 'vehicleId'])
    await expect(countRows(handle.db, positions)).resolves.toBe(0)
  })

  it('refuses a point more than 5 minutes in the future, naming its `at`', async () => {
    const error = await rejection(ingest(ctx, northwind, { positions: [
      { vehicleId: trucks[0], lat: 50, lon: 10, at: isoAfter(ctx.now(), 60) },
      { vehicleId: trucks[0], lat: 50, lon: 10, at: isoAfter(ctx.now(), 6 * 60) },
    ] }))
    expect([error.status, error.field]).toEqual([422, 'positions.1.at'])
    await expect(countRows(handle.db, positions)).resolves.toBe(0)
  })
})

describe('status', () => {
  async function statusAfter(body: Record<string, unknown>): Promise<string> {
    await ingest(ctx, northwind, { vehicleId: trucks[0], lat: 50, lon: 10, ...body })
    return (await vehicleRow(trucks[0]!)).status
  }

  it('is moving above 3 km/h, stopped with the ignition on, parking with it off, no_gps without satellites', async () => {
    expect(await statusAfter({ speed: 30, sensors: { ignition: true } })).toBe('moving')
    ctx.advance(1000)
    expect(await statusAfter({ speed: 2 })).toBe('stopped')
    ctx.advance(1000)
    expect(await statusAfter({ speed: 0, sensors: { ignition: false } })).toBe('parking')
    ctx.advance(1000)
    expect(await statusAfter({ speed: 0, satellites: 0 })).toBe('no_gps')
  })

  it('without an ignition sensor turns from stopped to parking after more than 5 minutes without movement', async () => {
    expect(await statusAfter({ speed: 40 })).toBe('moving')
    ctx.advance(60_000)
    expect(await statusAfter({ speed: 0 })).toBe('stopped')
    ctx.advance(4 * 60_000)
    expect(await statusAfter({ speed: 1 })).toBe('stopped')
    ctx.advance(2 * 60_000)
    expect(await statusAfter({ speed: 0 })).toBe('parking')
  })

  it('without an ignition sensor and no history is stopped, not parking', async () => {
    expect(await statusAfter({ speed: 0 })).toBe('stopped')
  })
})

describe('announcements', () => {
  it('sends each vehicle\'s newest position of the request on its own channel, once', async () => {
    const start = ctx.now()
    await ingest(ctx, northwind, { positions: [
      { vehicleId: trucks[0], lat: 50.1, lon: 10.1, speed: 10, at: isoAfter(start, -5) },
      { vehicleId: trucks[0], lat: 50.2, lon: 10.2, speed: 20, satellites: 8, at: isoAfter(start, 0) },
      { vehicleId: trucks[1], lat: 51, lon: 11, speed: 0, sensors: { ignition: false }, at: isoAfter(start, -1) },
    ] })
    const sent = ctx.broadcaster.of('position')
    expect(sent.map(item => item.channels)).toEqual([[`private-vehicle.${trucks[0]}`], [`private-vehicle.${trucks[1]}`]])
    expect(sent[0]!.payload).toEqual({
      vehicleId: trucks[0]!, lat: 50.2, lon: 10.2, speed: 20, course: 0, altitude: null, satellites: 8, recordedAt: start.toISOString(), status: 'moving',
    } satisfies PositionPayload)
    expect((sent[1]!.payload as PositionPayload).status).toBe('parking')
  })

  it('sends nothing on the other tenant\'s channels', async () => {
    await ingest(ctx, northwind, { positions: trucks.map(vehicleId => ({ vehicleId, lat: 50, lon: 10, speed: 120 })) })
    flushPositionBatches()
    const greenfieldUsers = await Promise.all((['admin', 'operator', 'viewer'] as const).map(role => demoUserId(handle.db, role, 'greenfield')))
    const foreign = [`private-tenant.${greenfield}.`, ...tractors.map(id => `private-vehicle.${id}`), ...greenfieldUsers.map(id => `private-user.${id}`)]
    const channels = ctx.broadcaster.sent.flatMap(item => item.channels)
    expect(channels).toContain(`private-tenant.${northwind}.fleet`)
    expect(channels.some(channel => channel.startsWith('private-user.'))).toBe(true)
    expect(channels.filter(channel => foreign.some(prefix => channel === prefix || channel.startsWith(prefix)))).toEqual([])
  })
})
