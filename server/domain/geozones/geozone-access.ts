// Who may draw, change and delete geozones: users of the tenant holding the 'command' ability.
import type { Actor } from '../../auth/actor'
import type { Decision } from '../policies'
import { authorizeTenant, holds } from '../policies'
import { DomainError } from '../errors'

/** Whether the actor may change geozones of `tenantId` (same tenant, 'command' ability). */
export function authorizeGeozoneChange(actor: Actor, tenantId: number | undefined): Decision {
  if (tenantId === undefined) return { allowed: false, reason: 'no such geozone in the user\'s tenant' }
  const tenant = authorizeTenant(actor, tenantId)
  return tenant.allowed ? holds(actor, 'command') : tenant
}

/** Throws 403 naming `field` unless the actor may change geozones of `tenantId`. */
export function requireGeozoneChange(actor: Actor, tenantId: number | undefined, field: string): void {
  const decision = authorizeGeozoneChange(actor, tenantId)
  if (!decision.allowed) throw new DomainError(403, field, decision.reason)
}
