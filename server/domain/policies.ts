// Who may see or do what: the one set of rules behind REST routes and channel authorisation alike.
import { eq } from 'drizzle-orm'
import type { Ability } from '../../shared/access'
import type { Actor } from '../auth/actor'
import type { Database } from '../db/connection'
import { isDatabaseId } from '../db/ids'
import { gateways, vehicles, zones } from '../db/schema'

export type Decision = { allowed: true } | { allowed: false, reason: string }

const ALLOWED: Decision = { allowed: true }
const deny = (reason: string): Decision => ({ allowed: false, reason })

/** The actor holds an ability (role and token both allow it). */
export function holds(actor: Actor, ability: Ability): Decision {
  return actor.abilities.has(ability) ? ALLOWED : deny(`requires the "${ability}" ability`)
}

/** Tenant-wide streams and lists: only the actor's own tenant. */
export function authorizeTenant(actor: Actor, tenantId: number): Decision {
  if (actor.user.tenantId !== tenantId) return deny(`tenant ${tenantId} is not the user's tenant`)
  return holds(actor, 'read')
}

/** One zone: it must exist in the actor's tenant (missing and foreign look the same). */
export async function authorizeZone(db: Database, actor: Actor, zoneId: number): Promise<Decision> {
  if (!isDatabaseId(zoneId)) return ownedBy(actor, undefined, `zone ${zoneId}`)
  const [zone] = await db.select({ tenantId: zones.tenantId }).from(zones).where(eq(zones.id, zoneId)).limit(1)
  return ownedBy(actor, zone?.tenantId, `zone ${zoneId}`)
}

/** One gateway, like {@link authorizeZone}. */
export async function authorizeGateway(db: Database, actor: Actor, gatewayId: number): Promise<Decision> {
  if (!isDatabaseId(gatewayId)) return ownedBy(actor, undefined, `gateway ${gatewayId}`)
  const [gateway] = await db.select({ tenantId: gateways.tenantId }).from(gateways).where(eq(gateways.id, gatewayId)).limit(1)
  return ownedBy(actor, gateway?.tenantId, `gateway ${gatewayId}`)
}

/** One vehicle, like {@link authorizeZone}. */
export async function authorizeVehicle(db: Database, actor: Actor, vehicleId: number): Promise<Decision> {
  if (!isDatabaseId(vehicleId)) return ownedBy(actor, undefined, `vehicle ${vehicleId}`)
  const [vehicle] = await db.select({ tenantId: vehicles.tenantId }).from(vehicles).where(eq(vehicles.id, vehicleId)).limit(1)
  return ownedBy(actor, vehicle?.tenantId, `vehicle ${vehicleId}`)
}

/** A user's own notifications: only that user. */
export function authorizeOwnUser(actor: Actor, userId: number): Decision {
  if (actor.user.id !== userId) return deny(`user ${userId} is not the signed-in user`)
  return holds(actor, 'read')
}

/** Managing users and tokens of the tenant. */
export function authorizeAdmin(actor: Actor): Decision {
  return actor.user.role === 'admin' && actor.via === 'session' ? ALLOWED : deny('only an admin, signed in, may do this')
}

function ownedBy(actor: Actor, tenantId: number | undefined, what: string): Decision {
  if (tenantId === undefined || tenantId !== actor.user.tenantId) return deny(`${what} is not in the user's tenant`)
  return holds(actor, 'read')
}
