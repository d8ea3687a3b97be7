// Who may see and handle an alert: it must be in the actor's tenant (a missing one looks the same).
import { eq } from 'drizzle-orm'
import type { Actor } from '../../auth/actor'
import type { Database } from '../../db/connection'
import { isDatabaseId } from '../../db/ids'
import { alerts } from '../../db/schema'
import type { Decision } from '../policies'
import { authorizeTenant, holds } from '../policies'

/** Reading an alert: like the tenant's alerts list. */
export async function authorizeAlert(db: Database, actor: Actor, alertId: number): Promise<Decision> {
  const [alert] = isDatabaseId(alertId) ? await db.select({ tenantId: alerts.tenantId }).from(alerts).where(eq(alerts.id, alertId)).limit(1) : []
  if (!alert || alert.tenantId !== actor.user.tenantId) return { allowed: false, reason: `alert ${alertId} is not in the user's tenant` }
  return authorizeTenant(actor, alert.tenantId)
}

/** Acknowledging or resolving an alert: also needs the 'command' ability (operators and admins). */
export async function authorizeAlertHandling(db: Database, actor: Actor, alertId: number): Promise<Decision> {
  const decision = await authorizeAlert(db, actor, alertId)
  return decision.allowed ? holds(actor, 'command') : decision
}
