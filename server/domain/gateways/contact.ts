// Contact from a gateway (readings or heartbeat): it is online as of now; coming back resolves its offline alert.
import { eq } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { gateways } from '../../db/schema'
import { storeActivity } from '../activity'
import type { GatewayRow } from './find-gateway'
import { resolveOfflineAlerts } from './offline-alerts'
import type { GatewayTransition } from './transitions'
import { statusPayload } from './transitions'
import { serverMessage } from '../../i18n/server-message'

/**
 * Marks contact of a gateway locked by lockGatewayBySerial (so its `online` is current) in `tx`;
 * returns the updated row and the transition when it was offline.
 */
export async function markContact(tx: Database, gateway: GatewayRow, at: Date): Promise<{ gateway: GatewayRow, transition: GatewayTransition | null }> {
  const [updated] = await tx.update(gateways).set({ online: true, lastContactAt: at }).where(eq(gateways.id, gateway.id)).returning()
  if (gateway.online) return { gateway: updated!, transition: null }
  const activity = await storeActivity(tx, {
    tenantId: gateway.tenantId, kind: 'gateway.online', message: serverMessage('messages.activity.gatewayOnline', { name: gateway.name }),
    subject: { gatewayId: gateway.id, serial: gateway.serial },
  }, at)
  const alertsUpdated = await resolveOfflineAlerts(tx, gateway.id, at)
  return { gateway: updated!, transition: { status: statusPayload(updated!), activity, alertsCreated: [], alertsUpdated } }
}
