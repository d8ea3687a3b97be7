// Which gateways of the simulated world the simulator plays over Modbus TCP, and moving one to another port.
import { eq } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { gateways } from '../../db/schema'
import type { SimulatedTenant } from '../world'
import type { ServedGateway } from './simulated-gateways'
import { servedBySimulator } from './simulated-gateways'

/** The world's gateways polled over Modbus TCP at an address of this machine. */
export function servedGateways(world: SimulatedTenant[]): ServedGateway[] {
  return world.flatMap(tenant => tenant.gateways.flatMap(gateway => servedBySimulator(gateway.connection)
    ? [{ id: gateway.id, tenantId: tenant.id, serial: gateway.serial, connection: gateway.connection, points: gateway.points }]
    : []))
}

/** Saves the port the simulator's device of `gateway` listens on (its configured one was taken), so the poller finds it. */
export async function repointGateway(db: Database, gateway: ServedGateway, port: number): Promise<void> {
  await db.update(gateways).set({ connection: { ...gateway.connection, port } }).where(eq(gateways.id, gateway.id))
}
