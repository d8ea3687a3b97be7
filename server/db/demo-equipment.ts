// Demo equipment settings, added where missing on every start: data points of the demo gateways, targets and
// thresholds of the demo zones, and geozones where the demo vehicles drive. Never overwrites what a user set.
import { and, eq, inArray, notExists, sql } from 'drizzle-orm'
import type { Database } from './connection'
import type { GeozoneShape } from '../../shared/geozones'
import type { ModbusDataType, ModbusFunction, WordOrder } from '../../shared/modbus'
import { dataPoints, gateways, geozones, tenants, zones } from './schema'

const DEMO_SLUGS = ['greenfield', 'northwind']

interface PointTemplate {
  register: number
  scale: number
  unit: string
  label: string
  groupName: string
  /** How the (simulated) device stores it; a uint16 holding register when left out. */
  function?: ModbusFunction
  dataType?: ModbusDataType
  wordOrder?: WordOrder
}

const PUMP: PointTemplate[] = [
  { register: 0, scale: 0.1, unit: 'm3/h', label: 'Flow', groupName: 'Pump' },
  { register: 1, scale: 0.01, unit: 'bar', label: 'Pressure', groupName: 'Pump' },
]
const POWER: PointTemplate[] = [
  { register: 10, scale: 0.1, unit: 'V', label: 'Voltage', groupName: 'Power' },
  { register: 11, scale: 0.01, unit: 'A', label: 'Current', groupName: 'Power' },
]

/** Data points by demo gateway name; any other demo gateway gets the default. */
const POINTS: Record<string, PointTemplate[]> = {
  'Pump house': [...PUMP, ...POWER, { register: 12, scale: 0.01, unit: 'kW', label: 'Active power', groupName: 'Power' }],
  // The Modbus demo gateways (demo-data.ts) show each table, 32-bit types and both word orders.
  'Boiler room': [
    { register: 20, scale: 0.05, unit: '°C', label: 'Supply temperature', groupName: 'Boiler', dataType: 'int16' },
    { register: 21, scale: 0.04, unit: '°C', label: 'Return temperature', groupName: 'Boiler', function: 'input', dataType: 'int16' },
    { register: 0, scale: 1, unit: '', label: 'Burner on', groupName: 'Boiler', function: 'coil', dataType: 'bool' },
    { register: 40, scale: 0.01, unit: 'm3', label: 'Gas meter', groupName: 'Boiler', dataType: 'uint32', wordOrder: 'little' },
    ...POWER,
  ],
  'Depot': [
    { register: 30, scale: 0.01, unit: 'bar', label: 'Compressor pressure', groupName: 'Refrigeration', dataType: 'float32' },
    { register: 31, scale: 1, unit: 'rpm', label: 'Evaporator fan', groupName: 'Refrigeration', function: 'input' },
    { register: 0, scale: 1, unit: '', label: 'Door open', groupName: 'Refrigeration', function: 'discrete', dataType: 'bool' },
    ...POWER,
  ],
}
const DEFAULT_POINTS = [...PUMP, ...POWER]

export const DEMO_TARGETS: Record<string, number> = { ph: 6, ec: 1.8, temperature: 23, humidity: 65, water_level: 60 }
export const DEMO_THRESHOLDS: Record<string, { min: number, max: number }> = {
  ph: { min: 5.5, max: 6.5 }, ec: { min: 1.2, max: 2.4 }, temperature: { min: 18, max: 28 }, humidity: { min: 50, max: 80 }, water_level: { min: 20, max: 95 },
}

/** Two geozones (a polygon and a circle, [lon, lat]) per demo tenant, around where its vehicles drive. */
const GEOZONES: Record<string, Array<{ name: string, color: string, shape: GeozoneShape }>> = {
  greenfield: [
    { name: 'Farm yard', color: '#16a34a', shape: { kind: 'polygon', ring: [[4.878, 52.364], [4.896, 52.362], [4.904, 52.372], [4.892, 52.38], [4.876, 52.375]] } },
    { name: 'Market depot', color: '#f59e0b', shape: { kind: 'circle', center: [4.915, 52.385], radiusMeters: 600 } },
  ],
  northwind: [
    { name: 'Harbour terminal', color: '#2563eb', shape: { kind: 'polygon', ring: [[18.045, 59.322], [18.068, 59.32], [18.075, 59.33], [18.058, 59.337], [18.042, 59.331]] } },
    { name: 'Distribution centre', color: '#f59e0b', shape: { kind: 'circle', center: [18.085, 59.345], radiusMeters: 800 } },
  ],
}

export interface DemoEquipmentResult { dataPoints: number, zones: number, geozones: number }

/** Adds what is missing of the demo equipment in one transaction; safe on every start, also with several instances. */
export async function seedDemoEquipment(db: Database): Promise<DemoEquipmentResult> {
  return db.transaction(async (tx) => {
    // Instances starting together take turns, so none inserts geozones another has just inserted.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7246017)`)
    const demoTenants = await tx.select({ id: tenants.id, slug: tenants.slug }).from(tenants).where(inArray(tenants.slug, DEMO_SLUGS))
    if (demoTenants.length === 0) return { dataPoints: 0, zones: 0, geozones: 0 }
    const tenantIds = demoTenants.map(tenant => tenant.id)

    const bare = await tx.select({ id: gateways.id, name: gateways.name }).from(gateways).where(and(
      inArray(gateways.tenantId, tenantIds),
      notExists(tx.select({ id: dataPoints.id }).from(dataPoints).where(eq(dataPoints.gatewayId, gateways.id))),
    ))
    const pointRows = bare.flatMap(gateway => (POINTS[gateway.name] ?? DEFAULT_POINTS).map(point => ({ ...point, gatewayId: gateway.id })))
    const addedPoints = pointRows.length === 0 ? [] : await tx.insert(dataPoints).values(pointRows).onConflictDoNothing().returning({ id: dataPoints.id })

    // Existing targets win over the demo ones (jsonb || keeps the right side's keys).
    const updatedZones = await tx.update(zones)
      .set({ thresholds: DEMO_THRESHOLDS, targets: sql`${JSON.stringify(DEMO_TARGETS)}::jsonb || ${zones.targets}` })
      .where(and(inArray(zones.tenantId, tenantIds), sql`${zones.thresholds} = '{}'::jsonb`))
      .returning({ id: zones.id })

    let addedGeozones = 0
    for (const tenant of demoTenants) {
      if (await tx.$count(geozones, eq(geozones.tenantId, tenant.id)) > 0) continue
      const shapes = GEOZONES[tenant.slug] ?? []
      if (shapes.length > 0) await tx.insert(geozones).values(shapes.map(zone => ({ ...zone, tenantId: tenant.id })))
      addedGeozones += shapes.length
    }
    return { dataPoints: addedPoints.length, zones: updatedZones.length, geozones: addedGeozones }
  })
}
