// People handling alerts: acknowledge (someone is on it) and resolve (it is over), with who and when.
import { and, eq } from 'drizzle-orm'
import type { AlertPayload } from '../../../shared/events'
import type { Actor } from '../../auth/actor'
import { alerts } from '../../db/schema'
import { announceActivity, storeActivity } from '../activity'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import { announceZones, refreshZoneStatuses } from '../zones/zone-status'
import { alertPayloadsWithNames, announceAlert } from './alert-payload'
import { authorizeAlertHandling } from './alert-policy'
import { assertAlertMove } from './alert-status'
import { nested, serverMessage } from '../../i18n/server-message'

/** Marks an active alert acknowledged by `actor`; 403 outside their tenant or without 'command', 409 unless active. */
export function acknowledgeAlert(ctx: DomainContext, actor: Actor, alertId: number): Promise<AlertPayload> {
  return moveAlert(ctx, actor, alertId, 'acknowledged')
}

/** Marks an active or acknowledged alert resolved by `actor`; 409 when it is resolved already. */
export function resolveAlert(ctx: DomainContext, actor: Actor, alertId: number): Promise<AlertPayload> {
  return moveAlert(ctx, actor, alertId, 'resolved')
}

async function moveAlert(ctx: DomainContext, actor: Actor, alertId: number, to: 'acknowledged' | 'resolved'): Promise<AlertPayload> {
  const decision = await authorizeAlertHandling(ctx.db, actor, alertId)
  if (!decision.allowed) throw new DomainError(403, 'alert', decision.reason)
  const now = ctx.now()
  const { alert, activity, zones } = await ctx.db.transaction(async (tx) => {
    const [current] = await tx.select().from(alerts).where(eq(alerts.id, alertId)).for('update')
    if (!current) throw new DomainError(403, 'alert', `alert ${alertId} is not in the user's tenant`)
    assertAlertMove(alertId, current.status, to)
    const stamp = to === 'acknowledged' ? { acknowledgedAt: now, acknowledgedBy: actor.user.id } : { resolvedAt: now, resolvedBy: actor.user.id }
    const [row] = await tx.update(alerts).set({ status: to, ...stamp })
      .where(and(eq(alerts.id, alertId), eq(alerts.status, current.status))).returning()
    const message = serverMessage(`messages.activity.alert${to === 'acknowledged' ? 'Acknowledged' : 'Resolved'}`, { actor: actor.user.name, alert: nested({ code: row!.messageCode, params: row!.messageParams, text: row!.message }) })
    const activity = await storeActivity(tx, {
      tenantId: row!.tenantId, kind: `alert.${to}`, message, actorUserId: actor.user.id, subject: { alertId, zoneId: row!.zoneId },
    }, now)
    const zones = to === 'resolved' && row!.zoneId !== null ? await refreshZoneStatuses(tx, [row!.zoneId]) : []
    const [alert] = await alertPayloadsWithNames(tx, [row!])
    return { alert: alert!, activity, zones }
  })
  announceAlert(ctx, { event: 'updated', alert })
  announceActivity(ctx, [activity])
  announceZones(ctx, zones)
  return alert
}
