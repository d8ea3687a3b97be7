// What the simulator simulates: every tenant's zones, nodes, gateways, data points, vehicles and geozones.
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm'
import type { Database } from '../db/connection'
import type { GeozoneShape } from '../../shared/geozones'
import type { GatewayConnection } from '../../shared/modbus'
import { dataPoints, devices, gateways, geozones, tenants, vehicles, zones } from '../db/schema'
import type { RegisterLayout } from './modbus/register-layout'

export interface SimulatedTenant {
  id: number
  zones: Array<{ id: number, targets: Record<string, number>, thresholds: Record<string, { min?: number, max?: number }> }>
  nodes: Array<{ uid: string, zoneId: number }>
  /** `points`: where each data point lies in the device's registers, for gateways the simulator serves over Modbus. */
  gateways: Array<{ id: number, serial: string, registers: number[], connection: GatewayConnection, points: RegisterLayout[] }>
  /** `imei` set: the vehicle carries a (simulated) Teltonika tracker. */
  vehicles: Array<{ id: number, lat: number | null, lon: number | null, imei: string | null }>
  geozones: GeozoneShape[]
}

/** Reads the world from the database. */
export async function loadWorld(db: Database): Promise<SimulatedTenant[]> {
  const world: SimulatedTenant[] = []
  for (const tenant of await db.select({ id: tenants.id }).from(tenants).orderBy(asc(tenants.id))) {
    const tenantGateways = await db.select({ id: gateways.id, serial: gateways.serial, connection: gateways.connection }).from(gateways).where(and(eq(gateways.tenantId, tenant.id), isNull(gateways.archivedAt))).orderBy(asc(gateways.id))
    const points = await db.select({ gatewayId: dataPoints.gatewayId, register: dataPoints.register, function: dataPoints.function, dataType: dataPoints.dataType, wordOrder: dataPoints.wordOrder })
      .from(dataPoints).where(isNull(dataPoints.archivedAt))
    world.push({
      id: tenant.id,
      zones: await db.select({ id: zones.id, targets: zones.targets, thresholds: zones.thresholds }).from(zones).where(and(eq(zones.tenantId, tenant.id), isNull(zones.archivedAt))).orderBy(asc(zones.id)),
      nodes: (await db.select({ uid: devices.uid, zoneId: devices.zoneId, tenantId: devices.tenantId }).from(devices).where(and(isNotNull(devices.zoneId), isNull(devices.archivedAt))).orderBy(asc(devices.id)))
        .filter(node => node.tenantId === tenant.id).map(node => ({ uid: node.uid, zoneId: node.zoneId! })),
      gateways: tenantGateways.map((gateway) => {
        const own = points.filter(point => point.gatewayId === gateway.id)
        return { ...gateway, registers: own.map(point => point.register), points: own.map(({ gatewayId: _, ...layout }) => layout) }
      }),
      vehicles: await db.select({ id: vehicles.id, lat: vehicles.lat, lon: vehicles.lon, imei: vehicles.imei }).from(vehicles).where(and(eq(vehicles.tenantId, tenant.id), isNull(vehicles.archivedAt))).orderBy(asc(vehicles.id)),
      geozones: (await db.select({ shape: geozones.shape }).from(geozones).where(eq(geozones.tenantId, tenant.id)).orderBy(asc(geozones.id))).map(row => row.shape),
    })
  }
  return world
}
