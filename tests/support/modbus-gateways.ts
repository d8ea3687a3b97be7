// Modbus gateways for integration tests, made through the settings API by an admin, and their gateway detail.
import type { GatewayDetail } from '../../shared/gateways'
import type { Session } from './http-session'
import { freePort } from './free-port'

/** Creates a gateway of the admin's tenant with `connection` and data points; returns its id. */
export async function createModbusGateway(admin: Session, connection: Record<string, unknown>, serial: string, points: Array<Record<string, unknown>> = [], offlineAfterSeconds = 60): Promise<{ id: number }> {
  const response = await admin.fetch(`/api/tenants/${admin.user.tenantId}/gateways`, { method: 'POST', body: JSON.stringify({ name: serial, serial, connection, offlineAfterSeconds }) })
  if (response.status !== 201) throw new Error(`gateway ${serial} not created: ${response.status} ${await response.text()}`)
  const gateway = (await response.json() as { data: { id: number } }).data
  for (const point of points) {
    const added = await admin.fetch(`/api/gateways/${gateway.id}/data-points`, { method: 'POST', body: JSON.stringify(point) })
    if (added.status !== 201) throw new Error(`data point not added: ${added.status} ${await added.text()}`)
  }
  return gateway
}

/** The gateway detail as the gateway page reads it. */
export async function detail(session: Session, gatewayId: number): Promise<GatewayDetail> {
  return (await (await session.fetch(`/api/gateways/${gatewayId}`)).json() as { data: GatewayDetail }).data
}

/** Waits until `predicate` holds, checking every 50 ms, at most `timeoutMs`. */
export async function until(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/** A loopback port nobody listens on: connecting is refused. */
export function closedPort(): Promise<number> {
  return freePort()
}
