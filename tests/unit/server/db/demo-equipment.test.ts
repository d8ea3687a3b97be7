import { describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../server/db/connection'
import type { DemoEquipmentResult } from '../../../../server/db/demo-equipment'
import { DEMO_TARGETS, DEMO_THRESHOLDS, seedDemoEquipment } from '../../../../server/db/demo-equipment'
import { dataPoints, gateways, geozones, tenants, zones } from '../../../../server/db/schema'
import { createTestDatabase, equipmentOf, tenantId, useDemoDatabase } from '../test-database'

let handle: DatabaseHandle
let first: DemoEquipmentResult[]
let acme: { tenant: number, gateway: number, zone: number }
let kept: { gateway: number, zone: number, partialZone: number }

const total = (results: DemoEquipmentResult[]) => results.reduce((sum, result) => ({
  dataPoints: sum.dataPoints + result.dataPoints, zones: sum.zones + result.zones, geozones: sum.geozones + result.geozones,
}), { dataPoints: 0, zones: 0, geozones: 0 })

const counts = async () => Promise.all([dataPoints, geozones].map(table => handle.db.$count(table)))
const zoneSettings = async () => handle.db.select({ id: zones.id, targets: zones.targets, thresholds: zones.thresholds }).from(zones).orderBy(asc(zones.id))

/** Metres between two [lon, lat] points (equirectangular; fine at a few km). */
function metres(a: [number, number], b: [number, number]): number {
  const lat = ((a[1] + b[1]) / 2) * Math.PI / 180
  return Math.hypot((a[0] - b[0]) * Math.cos(lat), a[1] - b[1]) * 111_320
}

useDemoDatabase(async (demo) => {
  handle = demo.handle
  const db = handle.db
  // What a user set before the first start with demo equipment: it must survive.
  const { northwind, greenfieldGear, northwindGear } = demo
  kept = { gateway: northwindGear.gateways[0]!, zone: greenfieldGear.zones[1]!, partialZone: greenfieldGear.zones[2]! }
  await db.insert(dataPoints).values({ gatewayId: kept.gateway, register: 500, label: 'Own point' })
  await db.update(zones).set({ thresholds: { ph: { min: 5, max: 7 } }, targets: { ph: 6.2 } }).where(eq(zones.id, kept.zone))
  await db.update(zones).set({ targets: { ph: 5.8 } }).where(eq(zones.id, kept.partialZone))
  await db.insert(geozones).values({ tenantId: northwind, name: 'Own zone', shape: { kind: 'circle', center: [18, 59], radiusMeters: 100 } })
  // A tenant that is not a demo tenant.
  const [tenant] = await db.insert(tenants).values({ name: 'Acme', slug: 'acme' }).returning()
  const [gateway] = await db.insert(gateways).values({ tenantId: tenant!.id, name: 'Pump house', serial: 'ACME-1' }).returning()
  const [zone] = await db.insert(zones).values({ tenantId: tenant!.id, name: 'Acme zone' }).returning()
  acme = { tenant: tenant!.id, gateway: gateway!.id, zone: zone!.id }
  // Two instances starting together.
  first = await Promise.all([seedDemoEquipment(db), seedDemoEquipment(db)])
})

describe('seedDemoEquipment', () => {
  it('adds what was missing once, even when two calls race', () => {
    expect(total(first)).toEqual({ dataPoints: 11, zones: 3, geozones: 2 })
    expect(first.map(result => result.geozones).sort()).toEqual([0, 2])
  })

  it('is idempotent: a second start adds nothing', async () => {
    const before = [await counts(), await zoneSettings()]
    expect(await seedDemoEquipment(handle.db)).toEqual({ dataPoints: 0, zones: 0, geozones: 0 })
    expect([await counts(), await zoneSettings()]).toEqual(before)
  })

  it('adds missing geozones once when two calls race with nothing else to add', async () => {
    const greenfield = await tenantId(handle.db, 'greenfield')
    const before = await handle.db.$count(geozones, eq(geozones.tenantId, greenfield))
    await handle.db.delete(geozones).where(eq(geozones.tenantId, greenfield))
    const results = await Promise.all([seedDemoEquipment(handle.db), seedDemoEquipment(handle.db)])
    expect(total(results)).toEqual({ dataPoints: 0, zones: 0, geozones: 2 })
    expect(await handle.db.$count(geozones, eq(geozones.tenantId, greenfield))).toBe(before)
  })

  it('gives each bare demo gateway 4 to 6 grouped data points, the pump house Flow, Pressure, Voltage and Current', async () => {
    const greenfield = await equipmentOf(handle.db, await tenantId(handle.db, 'greenfield'))
    for (const gatewayId of greenfield.gateways) {
      const points = await handle.db.select().from(dataPoints).where(eq(dataPoints.gatewayId, gatewayId))
      expect(points.length).toBeGreaterThanOrEqual(4)
      expect(points.length).toBeLessThanOrEqual(6)
      for (const point of points) {
        expect(point.label.length).toBeGreaterThan(0)
        // A coil or discrete input is on or off: it has no unit.
        expect(point.unit.length > 0 || point.dataType === 'bool').toBe(true)
        expect(point.scale).not.toBe(0)
      }
    }
    const pumpHouse = await handle.db.select().from(dataPoints).where(eq(dataPoints.gatewayId, greenfield.gateways[0]!)).orderBy(asc(dataPoints.register))
    expect(pumpHouse.map(point => [point.groupName, point.label, point.unit, point.scale]).slice(0, 4)).toEqual([
      ['Pump', 'Flow', 'm3/h', 0.1],
      ['Pump', 'Pressure', 'bar', 0.01],
      ['Power', 'Voltage', 'V', 0.1],
      ['Power', 'Current', 'A', 0.01],
    ])
  })

  it('reads the Modbus demo gateways from every table, in 32-bit types and both word orders', async () => {
    const greenfield = await equipmentOf(handle.db, await tenantId(handle.db, 'greenfield'))
    const boiler = await handle.db.select().from(dataPoints).where(eq(dataPoints.gatewayId, greenfield.gateways[1]!)).orderBy(asc(dataPoints.id))
    expect(boiler.map(point => [point.label, point.function, point.register, point.dataType, point.wordOrder]).slice(0, 4)).toEqual([
      ['Supply temperature', 'holding', 20, 'int16', 'big'],
      ['Return temperature', 'input', 21, 'int16', 'big'],
      ['Burner on', 'coil', 0, 'bool', 'big'],
      ['Gas meter', 'holding', 40, 'uint32', 'little'],
    ])
  })

  it('leaves a demo gateway that already had data points and every non-demo gateway alone', async () => {
    expect((await handle.db.select({ label: dataPoints.label }).from(dataPoints).where(eq(dataPoints.gatewayId, kept.gateway))).map(row => row.label)).toEqual(['Own point'])
    expect(await handle.db.$count(dataPoints, eq(dataPoints.gatewayId, acme.gateway))).toBe(0)
  })

  it('sets targets and thresholds of demo zones that had none, keeping targets already set', async () => {
    const settings = new Map((await zoneSettings()).map(zone => [zone.id, zone]))
    const greenfield = await equipmentOf(handle.db, await tenantId(handle.db, 'greenfield'))
    expect(settings.get(greenfield.zones[0]!)).toMatchObject({ targets: DEMO_TARGETS, thresholds: DEMO_THRESHOLDS })
    expect(DEMO_THRESHOLDS).toMatchObject({ ph: { min: 5.5, max: 6.5 }, ec: { min: 1.2, max: 2.4 }, temperature: { min: 18, max: 28 }, humidity: { min: 50, max: 80 }, water_level: { min: 20, max: 95 } })
    expect(DEMO_TARGETS.ph).toBe(6)
    expect(settings.get(kept.partialZone)).toMatchObject({ targets: { ...DEMO_TARGETS, ph: 5.8 }, thresholds: DEMO_THRESHOLDS })
    expect(settings.get(kept.zone)).toMatchObject({ targets: { ph: 6.2 }, thresholds: { ph: { min: 5, max: 7 } } })
    expect(settings.get(acme.zone)).toMatchObject({ targets: {}, thresholds: {} })
    const northwind = await equipmentOf(handle.db, await tenantId(handle.db, 'northwind'))
    expect(settings.get(northwind.zones[0]!)).toMatchObject({ thresholds: DEMO_THRESHOLDS })
  })

  it('gives a demo tenant without geozones a polygon and a circle near its area, and no other tenant any', async () => {
    const greenfield = await handle.db.select().from(geozones).where(eq(geozones.tenantId, await tenantId(handle.db, 'greenfield'))).orderBy(asc(geozones.id))
    expect(greenfield.map(zone => zone.shape.kind)).toEqual(['polygon', 'circle'])
    for (const zone of greenfield) {
      const points = zone.shape.kind === 'circle' ? [zone.shape.center] : zone.shape.ring
      for (const point of points) expect(metres(point, [4.89, 52.37])).toBeLessThan(5_000)
    }
    const polygon = greenfield[0]!.shape
    if (polygon.kind === 'polygon') expect(polygon.ring.length).toBeGreaterThanOrEqual(3)
    const circle = greenfield[1]!.shape
    if (circle.kind === 'circle') expect(circle.radiusMeters).toBeGreaterThan(0)
    const northwind = await handle.db.select({ name: geozones.name }).from(geozones).where(eq(geozones.tenantId, await tenantId(handle.db, 'northwind')))
    expect(northwind.map(zone => zone.name)).toEqual(['Own zone'])
    expect(await handle.db.$count(geozones, eq(geozones.tenantId, acme.tenant))).toBe(0)
  })
})

describe('seedDemoEquipment on a fresh demo database', () => {
  it('puts Northwind\'s geozones around Stockholm', async () => {
    const fresh = await createTestDatabase()
    try {
      await seedDemoEquipment(fresh.db)
      const rows = await fresh.db.select().from(geozones).where(eq(geozones.tenantId, await tenantId(fresh.db, 'northwind'))).orderBy(asc(geozones.id))
      expect(rows.map(zone => zone.shape.kind)).toEqual(['polygon', 'circle'])
      for (const zone of rows) {
        const points = zone.shape.kind === 'circle' ? [zone.shape.center] : zone.shape.ring
        for (const point of points) expect(metres(point, [18.06, 59.33])).toBeLessThan(5_000)
      }
      expect(await fresh.db.$count(dataPoints)).toBe(16)
    }
    finally {
      await fresh.close()
    }
  }, 30_000)
})
