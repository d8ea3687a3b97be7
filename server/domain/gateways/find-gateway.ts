// Finds the gateway an ingest request names by serial, only within the request's tenant.
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { gateways } from '../../db/schema'
import { DomainError } from '../errors'

export type GatewayRow = typeof gateways.$inferSelect

/**
 * The tenant's gateway with `serial`, row-locked until the transaction ends so that concurrent requests
 * of one gateway see each other's online state (one online transition, not two). A serial of another
 * tenant is unknown here, like a missing one.
 */
export async function lockGatewayBySerial(tx: Database, tenantId: number, serial: string, field = 'gateway'): Promise<GatewayRow> {
  const [row] = await tx.select().from(gateways)
    .where(and(eq(gateways.tenantId, tenantId), eq(gateways.serial, serial), isNull(gateways.archivedAt)))
    .orderBy(asc(gateways.id)).limit(1).for('update')
  if (!row) throw new DomainError(422, field, `unknown gateway "${serial}"`)
  return row
}
