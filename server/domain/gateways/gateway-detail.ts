// One gateway as its page shows it: status, last contact and data points grouped with their latest values.
import { eq } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { gateways } from '../../db/schema'
import type { DataPointView } from '../../../shared/gateways'
import type { GatewaySettings } from '../../../shared/settings'
import { listDataPoints } from './data-points'

/** A gateway with its data points by group, for the gateway page. */
export interface GatewayDetail extends Omit<GatewaySettings, 'archivedAt'> {
  groups: Array<{ name: string, dataPoints: DataPointView[] }>
}

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
    ...gateway,
    lastContactAt: gateway.lastContactAt?.toISOString() ?? null,
    createdAt: gateway.createdAt.toISOString(),
    groups: [...groups].map(([name, points]) => ({ name, dataPoints: points })),
  }
}
