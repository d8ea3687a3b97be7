// Changing and deleting (archiving) a gateway's data points; the same 'command' ability that adds them.
import { and, eq, isNull, ne } from 'drizzle-orm'
import type { DataPointView } from '../../../shared/gateways'
import type { Actor } from '../../auth/actor'
import type { Database } from '../../db/connection'
import { dataPoints, gateways } from '../../db/schema'
import { pointSettingsProblem } from '../../../shared/modbus'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import { recordSettingsChange } from '../settings/settings-change'
import { requireLive } from '../settings/settings-policy'
import { dataPointView } from './data-points'
import type { DataPointChangeInput } from './gateway-settings-schema'
import { serverMessage } from '../../i18n/server-message'

const UNIQUE = { data_points_gateway_function_register_live_idx: 'register' }

/**
 * Changes a data point's register, Modbus settings, scale, offset, unit, label or group; 422 naming the field when
 * the result cannot be read (a bool holding register), 409 `register` when taken on its gateway.
 */
export function updateDataPoint(ctx: DomainContext, actor: Actor, pointId: number, input: DataPointChangeInput): Promise<DataPointView> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    const { point, tenantId } = await lockLivePoint(tx, actor, pointId)
    const register = input.register ?? point.register
    const fn = input.function ?? point.function
    const problem = pointSettingsProblem(register, { function: fn, dataType: input.dataType ?? point.dataType })
    if (problem) throw new DomainError(422, problem.field, problem.message)
    if (register !== point.register || fn !== point.function) {
      const [taken] = await tx.select({ id: dataPoints.id }).from(dataPoints)
        .where(and(eq(dataPoints.gatewayId, point.gatewayId), eq(dataPoints.function, fn), eq(dataPoints.register, register), isNull(dataPoints.archivedAt), ne(dataPoints.id, pointId))).limit(1)
      if (taken) throw new DomainError(409, 'register', `${fn} register ${register} already has a data point on this gateway`, { code: 'validation.registerTaken', params: { register } })
    }
    const [row] = await tx.update(dataPoints).set({
      register: input.register, function: input.function, dataType: input.dataType, wordOrder: input.wordOrder, scale: input.scale,
      valueOffset: input.offset, unit: input.unit, label: input.label, groupName: input.group,
    }).where(eq(dataPoints.id, pointId)).returning()
    const view = dataPointView(row!)
    return { tenantId, subject: 'data-point', action: 'updated', id: pointId, message: serverMessage('messages.activity.dataPointChanged', { actor: actor.user.name, label: view.label, register: view.register }), result: view, broadcast: view }
  }, UNIQUE)
}

/** Archives a data point: it leaves the gateway's list, its readings stay readable, its register is free. */
export function archiveDataPoint(ctx: DomainContext, actor: Actor, pointId: number): Promise<DataPointView> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    const { tenantId } = await lockLivePoint(tx, actor, pointId)
    const [row] = await tx.update(dataPoints).set({ archivedAt: ctx.now() }).where(eq(dataPoints.id, pointId)).returning()
    const view = dataPointView(row!)
    return { tenantId, subject: 'data-point', action: 'archived', id: pointId, message: serverMessage('messages.activity.dataPointDeleted', { actor: actor.user.name, label: view.label, register: view.register }), result: view, broadcast: view }
  })
}

async function lockLivePoint(tx: Database, actor: Actor, pointId: number) {
  const [row] = await tx.select({ point: dataPoints, tenantId: gateways.tenantId }).from(dataPoints)
    .innerJoin(gateways, eq(gateways.id, dataPoints.gatewayId)).where(eq(dataPoints.id, pointId)).for('update')
  // Missing and foreign data points are refused alike.
  if (!row || row.tenantId !== actor.user.tenantId) throw new DomainError(403, 'dataPoint', 'data point is not in your tenant')
  requireLive(row.point, 'dataPoint')
  return row
}
