// SIMULATOR_VEHICLES: parsing, the rows a demo tenant is topped up with, and the positions they report in batches.
import { and, asc, count, eq, isNull } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { tenants, vehicles } from '../../../../server/db/schema'
import { addSimulatedVehicles, missingVehicleRows, wantedVehicles } from '../../../../server/simulator/extra-vehicles'
import { IngestClient } from '../../../../server/simulator/ingest-client'
import { Simulator } from '../../../../server/simulator/simulator'
import type { SimulatedTenant } from '../../../../server/simulator/world'
import type { Database } from '../../../../server/db/connection'
import { useDemoDatabase } from '../test-database'

describe('wantedVehicles', () => {
  it('is undefined when SIMULATOR_VEHICLES is unset or empty, and the number when it is one', () => {
    expect(wantedVehicles({})).toBeUndefined()
    expect(wantedVehicles({ SIMULATOR_VEHICLES: ' ' })).toBeUndefined()
    expect(wantedVehicles({ SIMULATOR_VEHICLES: '5000' })).toBe(5000)
    expect(wantedVehicles({ SIMULATOR_VEHICLES: '0' })).toBe(0)
  })

  it('refuses anything but a whole number up to 100 000, naming the variable', () => {
    for (const raw of ['many', '1.5', '-3', '100001']) {
      expect(() => wantedVehicles({ SIMULATOR_VEHICLES: raw })).toThrow(`SIMULATOR_VEHICLES must be a whole number from 0 to 100000, got "${raw}"`)
    }
  })
})

describe('missingVehicleRows', () => {
  it('numbers the added vehicles on from those the tenant has, without trackers', () => {
    expect(missingVehicleRows(7, 2, 4)).toEqual([
      { tenantId: 7, name: 'Simulated 3', plate: 'SIM 3', imei: null },
      { tenantId: 7, name: 'Simulated 4', plate: 'SIM 4', imei: null },
    ])
  })

  it('adds nothing to a tenant that already has enough', () => {
    expect(missingVehicleRows(7, 5, 3)).toEqual([])
  })
})

describe('addSimulatedVehicles', () => {
  let db: Database
  let demoTenants: number[]
  useDemoDatabase((demo) => {
    db = demo.handle.db
    demoTenants = [demo.greenfield, demo.northwind]
  })
  const countOf = async (tenantId: number) => (await db.select({ n: count() }).from(vehicles).where(and(eq(vehicles.tenantId, tenantId), isNull(vehicles.archivedAt))))[0]!.n

  it('tops every demo tenant up to the number asked for, and adds nothing on the next start', async () => {
    // Greenfield has 2 demo vehicles, Northwind 3.
    await expect(addSimulatedVehicles(db, 1200)).resolves.toBe(1198 + 1197)
    for (const tenantId of demoTenants) expect(await countOf(tenantId)).toBe(1200)
    await expect(addSimulatedVehicles(db, 1200)).resolves.toBe(0)
    const names = await db.select({ name: vehicles.name, imei: vehicles.imei }).from(vehicles).where(eq(vehicles.tenantId, demoTenants[0]!)).orderBy(asc(vehicles.id))
    expect(names.at(2)).toEqual({ name: 'Simulated 3', imei: null })
    expect(names.at(-1)).toEqual({ name: 'Simulated 1200', imei: null })
  })

  it('leaves tenants other than the demo ones alone', async () => {
    const [other] = await db.insert(tenants).values({ name: 'Real Co', slug: 'real-co' }).returning({ id: tenants.id })
    await addSimulatedVehicles(db, 1300)
    expect(await countOf(other!.id)).toBe(0)
    for (const tenantId of demoTenants) expect(await countOf(tenantId)).toBe(1300)
  })
})

describe('Simulator with a large fleet', () => {
  it('reports its positions over HTTP in requests of at most 1 000, every vehicle once per tick', async () => {
    const tenant: SimulatedTenant = {
      id: 1, zones: [], nodes: [], gateways: [], geozones: [],
      vehicles: Array.from({ length: 2500 }, (_, index) => ({ id: index + 1, lat: null, lon: null, imei: null })),
    }
    const batches: number[][] = []
    const client = new IngestClient(async (path, init) => {
      if (path === '/api/ingest/positions') batches.push((JSON.parse(init.body!) as { positions: Array<{ vehicleId: number }> }).positions.map(p => p.vehicleId))
      return { status: 202, json: async () => ({}) }
    }, 'token')
    const simulator = new Simulator([tenant], () => client, { intervalMs: 1000, seed: 1 })
    await simulator.tick()
    expect(batches.map(batch => batch.length)).toEqual([1000, 1000, 500])
    expect(batches.flat()).toEqual(tenant.vehicles.map(vehicle => vehicle.id))
  })
})
