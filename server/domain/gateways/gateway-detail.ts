// One gateway as its page shows it: status, last contact, poll health and data points grouped with their latest values.
import { eq } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { gateways } from '../../db/schema'
import type { DataPointView, GatewayDetail } from '../../../shared/gateways'
import type { PollHealth } from '../../../shared/modbus'
import { listDataPoints } from './data-points'

/** The gateway with its data points grouped by group name (groups and points in a stable order); null when missing. */
export async function gatewayDetail(db: Database, gatewayId: number): Promise<GatewayDetail | null> {
  const [gateway] = await db.select().from(gateways).where(eq(gateways.id, gatewayId))
  if (!gateway) return null
  const groups = new Map<string, DataPointView[]>()
  for (const point of await listDataPoints(db, gatewayId)) {
    const group = groups.get(point.group)
    if (group) group.push(point)
    else groups.set(point.group, [point])
  }
  return {
    id: gateway.id, tenantId: gateway.tenantId, name: gateway.name, serial: gateway.serial, offlineAfterSeconds: gateway.offlineAfterSeconds,
    connection: gateway.connection, online: gateway.online,
    lastContactAt: gateway.lastContactAt?.toISOString() ?? null,
    createdAt: gateway.createdAt.toISOString(),
    groups: [...groups].map(([name, points]) => ({ name, dataPoints: points })),
    pollHealth: pollHealth(gateway),
  }
}

/** Poll health of a Modbus gateway (null for a pushed one). */
export function pollHealth(gateway: typeof gateways.$inferSelect): PollHealth | null {
  if (gateway.connection.protocol !== 'modbus-tcp') return null
  return {
    lastPollAt: gateway.pollLastAt?.toISOString() ?? null, durationMs: gateway.pollDurationMs,
    consecutiveFailures: gateway.pollFailures, lastError: gateway.pollLastError,
  }
}
