// What the MQTT integration tests work with: each demo tenant's admin, a node in a zone, a gateway and a
// vehicle, and the REST reads that show what was stored.
import { demoEmail, login } from './http-session'
import type { Session } from './http-session'
import type { ServerProcess } from './server-process'

export interface TenantWorld {
  admin: Session
  node: { id: number, uid: string, zoneId: number }
  gateway: { id: number, serial: string }
  vehicle: { id: number }
}

/** The demo tenant's admin session and the first of its zoned nodes, gateways and vehicles. */
export async function tenantWorld(server: ServerProcess, tenant: 'greenfield' | 'northwind'): Promise<TenantWorld> {
  const admin = await login(server, demoEmail('admin', tenant))
  const list = async <T>(what: string) => (await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/${what}`)).json() as { data: T[] }).data
  const node = (await list<{ id: number, uid: string, zoneId: number | null }>('devices')).find(device => device.zoneId !== null)
  const gateway = (await list<{ id: number, serial: string }>('gateways'))[0]
  const vehicle = (await list<{ id: number }>('vehicles'))[0]
  if (!node || !gateway || !vehicle) throw new Error(`the ${tenant} demo tenant lacks a zoned node, a gateway or a vehicle`)
  return { admin, node: { id: node.id, uid: node.uid, zoneId: node.zoneId! }, gateway: { id: gateway.id, serial: gateway.serial }, vehicle: { id: vehicle.id } }
}

/** The stored points of `metric` for the tenant's node (the last hour). */
export async function storedPoints(world: TenantWorld, metric: string): Promise<Array<{ value: number, at: string }>> {
  const response = await world.admin.fetch(`/api/zones/${world.node.zoneId}/telemetry?metric=${metric}&deviceId=${world.node.id}`)
  return (await response.json() as { data: { points: Array<{ value: number, at: string }> } }).data.points
}

/** A command's current status. */
export async function commandStatus(world: TenantWorld, commandId: number): Promise<string> {
  return (await (await world.admin.fetch(`/api/commands/${commandId}`)).json() as { data: { status: string } }).data.status
}

/** Queues a command for the tenant's node; returns its id. */
export async function sendNodeCommand(world: TenantWorld, kind: string, params: Record<string, unknown>): Promise<number> {
  const response = await world.admin.fetch(`/api/zones/${world.node.zoneId}/commands`, { method: 'POST', body: JSON.stringify({ kind, params, deviceId: world.node.id }) })
  if (response.status !== 201) throw new Error(`command refused: ${response.status} ${await response.text()}`)
  return (await response.json() as { data: { id: number } }).data.id
}
