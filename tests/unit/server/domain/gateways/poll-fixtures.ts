// Test helpers for recording Modbus polls: a gateway polled over Modbus TCP and the reports of its polls.
import { asc, eq } from 'drizzle-orm'
import type { Database } from '../../../../../server/db/connection'
import { dataPoints, gateways } from '../../../../../server/db/schema'
import { modbusGatewayPlan } from '../../../../../server/domain/gateways/modbus-gateways'
import type { PollReport } from '../../../../../server/domain/gateways/record-poll'
import type { ModbusTcpConnection } from '../../../../../shared/modbus'
import { createGateway } from './gateway-fixtures'

export const connection: ModbusTcpConnection = { protocol: 'modbus-tcp', host: '127.0.0.1', port: 1502, unitId: 1, pollIntervalMs: 1000, timeoutMs: 500 }
export const refused = { kind: 'connection-refused' as const, message: 'connection refused by 127.0.0.1:1502' }

/** A Modbus gateway of `tenantId` with registers 0 and 1, and the report of a poll with `values` (null: that point failed). */
export async function polledGateway(db: Database, tenantId: number) {
  const gateway = await createGateway(db, tenantId)
  await db.update(gateways).set({ connection }).where(eq(gateways.id, gateway.id))
  const plan = (await modbusGatewayPlan(db, gateway.id))!
  const report = (values: Array<number | null>, error: PollReport['error'] = null): PollReport => ({
    gatewayId: gateway.id, connection, durationMs: 12.4, answered: error === null, error,
    points: plan.points.map((point, index) => ({ id: point.id, key: point.key, value: values[index]!, error: values[index] === null ? (error ?? refused) : null })),
  })
  return { gateway, plan, report }
}

/** The gateway's data point rows, in id order. */
export const pointRows = (db: Database, gatewayId: number) => db.select().from(dataPoints).where(eq(dataPoints.gatewayId, gatewayId)).orderBy(asc(dataPoints.id))

/** The gateway's row. */
export const gatewayRow = async (db: Database, gatewayId: number) => (await db.select().from(gateways).where(eq(gateways.id, gatewayId)))[0]!
