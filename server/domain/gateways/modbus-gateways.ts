// What the Modbus poller reads from the database: which gateways it polls, and one gateway's current plan.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { ModbusPointSettings, ModbusTcpConnection } from '../../../shared/modbus'
import type { Database } from '../../db/connection'
import { dataPoints, gateways } from '../../db/schema'

/** A data point as a poll reads it, with the key of the settings it was read with. */
export interface PollTargetPoint extends ModbusPointSettings {
  id: number
  register: number
  label: string
  /** Changes whenever what the point reads changes: results read with an older key are dropped. */
  key: string
}

export interface ModbusGatewayPlan {
  id: number
  tenantId: number
  connection: ModbusTcpConnection
  points: PollTargetPoint[]
}

/** The key of what a data point row reads. */
export function pointReadKey(row: Pick<typeof dataPoints.$inferSelect, 'function' | 'register' | 'dataType' | 'wordOrder' | 'scale' | 'valueOffset'>): string {
  return `${row.function}:${row.register}:${row.dataType}:${row.wordOrder}:${row.scale}:${row.valueOffset}`
}

/** Ids and connections of the live gateways polled over Modbus TCP. */
export async function modbusGatewayIds(db: Database): Promise<Array<{ id: number, connection: ModbusTcpConnection }>> {
  const rows = await db.select({ id: gateways.id, connection: gateways.connection }).from(gateways)
    .where(and(isNull(gateways.archivedAt), sql`${gateways.connection}->>'protocol' = 'modbus-tcp'`)).orderBy(asc(gateways.id))
  return rows.map(row => ({ id: row.id, connection: row.connection as ModbusTcpConnection }))
}

/** A gateway's connection and live data points as of now; null once it is archived or no longer Modbus TCP. */
export async function modbusGatewayPlan(db: Database, gatewayId: number): Promise<ModbusGatewayPlan | null> {
  return (await modbusGatewayPlans(db, [gatewayId])).get(gatewayId) ?? null
}

/** modbusGatewayPlan of many gateways in two statements; gateways archived or no longer Modbus TCP are left out. */
export async function modbusGatewayPlans(db: Database, gatewayIds: number[]): Promise<Map<number, ModbusGatewayPlan>> {
  const rows = await db.select().from(gateways).where(and(inArray(gateways.id, gatewayIds), isNull(gateways.archivedAt)))
  const plans = new Map<number, ModbusGatewayPlan>()
  for (const row of rows) {
    if (row.connection.protocol === 'modbus-tcp') plans.set(row.id, { id: row.id, tenantId: row.tenantId, connection: row.connection, points: [] })
  }
  if (plans.size === 0) return plans
  const points = await db.select().from(dataPoints).where(and(inArray(dataPoints.gatewayId, [...plans.keys()]), isNull(dataPoints.archivedAt))).orderBy(asc(dataPoints.id))
  for (const point of points) plans.get(point.gatewayId)!.points.push(pollTargetPoint(point))
  return plans
}

/** A gateway's live data points as a poll (or a connection test) reads them. */
export async function pollTargetPoints(db: Database, gatewayId: number): Promise<PollTargetPoint[]> {
  const rows = await db.select().from(dataPoints).where(and(eq(dataPoints.gatewayId, gatewayId), isNull(dataPoints.archivedAt))).orderBy(asc(dataPoints.id))
  return rows.map(pollTargetPoint)
}

function pollTargetPoint(row: typeof dataPoints.$inferSelect): PollTargetPoint {
  return {
    id: row.id, register: row.register, label: row.label, function: row.function, dataType: row.dataType, wordOrder: row.wordOrder,
    scale: row.scale, offset: row.valueOffset, key: pointReadKey(row),
  }
}

/** Whether two connections reach the same device (the schedule may differ). */
export function sameDevice(a: ModbusTcpConnection, b: ModbusTcpConnection): boolean {
  return a.host === b.host && a.port === b.port && a.unitId === b.unitId
}
