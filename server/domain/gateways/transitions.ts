// A gateway going online or offline: what was stored with the change, and its broadcasts after commit.
import { channels } from '../../../shared/channels'
import type { ActivityEventPayload, AlertPayload, GatewayStatusPayload } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import { announceActivity } from '../activity'
import type { DomainContext } from '../context'
import type { GatewayRow } from './find-gateway'

export interface GatewayTransition {
  status: GatewayStatusPayload
  activity: ActivityEventPayload
  /** Offline alerts raised (going offline) or resolved (back online) with the change. */
  alertsCreated: AlertPayload[]
  alertsUpdated: AlertPayload[]
}

/** The `gateway.status-changed` payload of a gateway row. */
export function statusPayload(gateway: GatewayRow): GatewayStatusPayload {
  return { id: gateway.id, tenantId: gateway.tenantId, online: gateway.online, lastContactAt: gateway.lastContactAt?.toISOString() ?? null }
}

/** Broadcasts committed transitions: status on the tenant's and the gateway's channel, alerts, activity. */
export function announceTransitions(ctx: DomainContext, transitions: GatewayTransition[]): void {
  for (const transition of transitions) {
    const { id, tenantId } = transition.status
    ctx.broadcaster.broadcast([channels.tenant(tenantId, 'gateways'), channels.gateway(id)], EVENTS.gatewayStatusChanged, transition.status)
    for (const alert of transition.alertsCreated) ctx.broadcaster.broadcast([channels.tenant(alert.tenantId, 'alerts')], EVENTS.alertCreated, alert)
    for (const alert of transition.alertsUpdated) ctx.broadcaster.broadcast([channels.tenant(alert.tenantId, 'alerts')], EVENTS.alertUpdated, alert)
  }
  announceActivity(ctx, transitions.map(transition => transition.activity))
}
