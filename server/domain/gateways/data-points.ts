// A gateway's data points (Modbus registers with scale, unit, label and group) and their latest values.
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { DataPointView } from '../../../shared/gateways'
import type { Database } from '../../db/connection'
import { dataPoints } from '../../db/schema'
import { storeActivity, announceActivity } from '../activity'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import type { DataPointInput } from './data-point-schema'
import { serverMessage } from '../../i18n/server-message'

/** The API shape of a data point row. */
export function dataPointView(row: typeof dataPoints.$inferSelect): DataPointView {
  return {
    id: row.id, gatewayId: row.gatewayId, register: row.register, function: row.function, dataType: row.dataType, wordOrder: row.wordOrder,
    scale: row.scale, offset: row.valueOffset, unit: row.unit, label: row.label, group: row.groupName,
    lastValue: row.lastValue, lastQuality: row.lastQuality, lastReadAt: row.lastReadAt?.toISOString() ?? null, lastError: row.lastError,
  }
}

/** Data points of a gateway, by group and register. */
export async function listDataPoints(db: Database, gatewayId: number): Promise<DataPointView[]> {
  const rows = await db.select().from(dataPoints).where(and(eq(dataPoints.gatewayId, gatewayId), isNull(dataPoints.archivedAt))).orderBy(asc(dataPoints.groupName), asc(dataPoints.register), asc(dataPoints.function))
  return rows.map(dataPointView)
}

export interface DataPointAuthor {
  tenantId: number
  gatewayId: number
  actorUserId: number
}

/** Adds a data point to an (authorised) gateway and records who did; 409 naming `register` when it is taken. */
export async function addDataPoint(ctx: DomainContext, author: DataPointAuthor, input: DataPointInput): Promise<DataPointView> {
  const { point, activity } = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(dataPoints).values({
      gatewayId: author.gatewayId, register: input.register, function: input.function, dataType: input.dataType, wordOrder: input.wordOrder,
      scale: input.scale, valueOffset: input.offset, unit: input.unit, label: input.label, groupName: input.group,
    }).onConflictDoNothing().returning()
    if (!row) throw new DomainError(409, 'register', `${input.function} register ${input.register} already has a data point on this gateway`)
    const activity = await storeActivity(tx, {
      tenantId: author.tenantId, kind: 'data_point.added', actorUserId: author.actorUserId,
      message: serverMessage('messages.activity.dataPointAdded', { label: row.label, register: row.register }), subject: { gatewayId: author.gatewayId, dataPointId: row.id },
    }, ctx.now())
    return { point: dataPointView(row), activity }
  })
  announceActivity(ctx, [activity])
  return point
}
