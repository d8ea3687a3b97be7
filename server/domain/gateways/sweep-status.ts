// The periodic offline check: a gateway silent for longer than its own timeout is offline.
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { gateways } from '../../db/schema'
import { storeActivity } from '../activity'
import type { DomainContext } from '../context'
import { raiseOfflineAlert } from './offline-alerts'
import type { GatewayTransition } from './transitions'
import { announceTransitions, statusPayload } from './transitions'
import { serverMessage } from '../../i18n/server-message'

/**
 * Marks offline every online gateway whose last contact is older than its `offline_after_seconds` (or that
 * was never contacted), raising its offline alert; broadcasts after commit and returns the changed ids.
 * The condition is re-checked by the UPDATE itself, so a reading committed meanwhile keeps its gateway online.
 */
export async function sweepGatewayStatus(ctx: DomainContext): Promise<number[]> {
  const now = ctx.now()
  const deadline = sql`${now.toISOString()}::timestamptz - ${gateways.offlineAfterSeconds} * interval '1 second'`
  const transitions = await ctx.db.transaction(async (tx) => {
    const silent = await tx.update(gateways).set({ online: false })
      .where(and(eq(gateways.online, true), or(isNull(gateways.lastContactAt), lt(gateways.lastContactAt, deadline))))
      .returning()
    const changed: GatewayTransition[] = []
    for (const gateway of silent.sort((a, b) => a.id - b.id)) {
      const activity = await storeActivity(tx, {
        tenantId: gateway.tenantId, kind: 'gateway.offline', message: serverMessage('messages.activity.gatewayOffline', { name: gateway.name }),
        subject: { gatewayId: gateway.id, serial: gateway.serial, lastContactAt: gateway.lastContactAt?.toISOString() ?? null },
      }, now)
      changed.push({ status: statusPayload(gateway), activity, alertsCreated: await raiseOfflineAlert(tx, gateway, now), alertsUpdated: [] })
    }
    return changed
  })
  announceTransitions(ctx, transitions)
  return transitions.map(transition => transition.status.id)
}
