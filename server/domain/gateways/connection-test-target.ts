// What a connection test reads: the gateway's data points, over the given connection or its saved Modbus one.
import { eq } from 'drizzle-orm'
import type { ModbusTcpConnection } from '../../../shared/modbus'
import type { Database } from '../../db/connection'
import { gateways } from '../../db/schema'
import { DomainError } from '../errors'
import type { PollTargetPoint } from './modbus-gateways'
import { pollTargetPoints } from './modbus-gateways'

/** The connection and points to test; 422 `connection` when none is given and the gateway's readings are pushed. */
export async function connectionTestTarget(db: Database, gatewayId: number, given: ModbusTcpConnection | undefined): Promise<{ connection: ModbusTcpConnection, points: PollTargetPoint[] }> {
  const [gateway] = await db.select({ connection: gateways.connection, archivedAt: gateways.archivedAt }).from(gateways).where(eq(gateways.id, gatewayId))
  if (!gateway || gateway.archivedAt) throw new DomainError(409, 'gateway', 'gateway was deleted (archived)')
  const connection = given ?? (gateway.connection.protocol === 'modbus-tcp' ? gateway.connection : null)
  if (!connection) throw new DomainError(422, 'connection', 'this gateway\'s readings are pushed: give a modbus-tcp connection to test')
  return { connection, points: await pollTargetPoints(db, gatewayId) }
}
