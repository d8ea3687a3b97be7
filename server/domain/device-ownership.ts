// Which tenant owns the node, gateway or vehicle a device names: the rule behind MQTT topic access.
import { eq } from 'drizzle-orm'
import type { Database } from '../db/connection'
import { devices, gateways, vehicles } from '../db/schema'

/** A device entity as a protocol names it: a node by uid, a gateway by serial, a vehicle by id. */
export type DeviceEntity =
  | { kind: 'node', uid: string }
  | { kind: 'gateway', serial: string }
  | { kind: 'vehicle', id: number }

/** The ids of the tenants that have `entity` (node uids and gateway serials are unique per tenant only). */
export async function ownersOf(db: Database, entity: DeviceEntity): Promise<number[]> {
  const rows = entity.kind === 'node'
    ? await db.select({ tenantId: devices.tenantId }).from(devices).where(eq(devices.uid, entity.uid))
    : entity.kind === 'gateway'
      ? await db.select({ tenantId: gateways.tenantId }).from(gateways).where(eq(gateways.serial, entity.serial))
      : await db.select({ tenantId: vehicles.tenantId }).from(vehicles).where(eq(vehicles.id, entity.id))
  return [...new Set(rows.map(row => row.tenantId))]
}

/** True when `tenantId` has `entity`. */
export async function tenantOwns(db: Database, tenantId: number, entity: DeviceEntity): Promise<boolean> {
  return (await ownersOf(db, entity)).includes(tenantId)
}
