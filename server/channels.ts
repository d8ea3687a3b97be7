// Who may join which channel: one rule per channel family, like Laravel's routes/channels.php.
// Each rule calls the same policy as the REST resource it mirrors (README, "Channel rules").
import type { Role } from '../shared/access'
import { ROLES } from '../shared/access'
import type { Actor } from './auth/actor'
import type { Database } from './db/connection'
import type { Decision } from './domain/policies'
import { authorizeGateway, authorizeOwnUser, authorizeTenant, authorizeVehicle, authorizeZone, holds } from './domain/policies'

interface ChannelRule {
  /** The family as the catalogue writes it. */
  family: string
  pattern: RegExp
  /** The REST resource guarded by the same policy (documentation and contract tests). */
  rest: (id: number) => string
  authorize: (db: Database, actor: Actor, id: number) => Decision | Promise<Decision>
  /** Roles whose sockets may send `client-*` events here; none when absent (refused by default). */
  clientEvents?: readonly Role[]
}

const tenantRule = (stream: string, resource: string): ChannelRule => ({
  family: `private-tenant.{t}.${stream}`,
  pattern: new RegExp(`^private-tenant\\.(\\d+)\\.${stream}$`),
  rest: id => `/api/tenants/${id}/${resource}`,
  authorize: (_db, actor, id) => authorizeTenant(actor, id),
})

export const CHANNEL_RULES: ChannelRule[] = [
  tenantRule('alerts', 'alerts'),
  tenantRule('events', 'events'),
  tenantRule('commands', 'commands'),
  tenantRule('devices', 'devices'),
  tenantRule('gateways', 'gateways'),
  tenantRule('fleet', 'vehicles'),
  { family: 'private-zone.{z}', pattern: /^private-zone\.(\d+)$/, rest: id => `/api/zones/${id}`, authorize: authorizeZone },
  { family: 'private-zone.{z}.commands', pattern: /^private-zone\.(\d+)\.commands$/, rest: id => `/api/zones/${id}/commands`, authorize: authorizeZone },
  // Whispers between the people looking at a zone ("typing", "looking at node 3").
  { family: 'presence-zone.{z}', pattern: /^presence-zone\.(\d+)$/, rest: id => `/api/zones/${id}`, authorize: authorizeZone, clientEvents: ROLES },
  { family: 'private-gateway.{g}', pattern: /^private-gateway\.(\d+)$/, rest: id => `/api/gateways/${id}`, authorize: authorizeGateway },
  { family: 'private-vehicle.{v}', pattern: /^private-vehicle\.(\d+)$/, rest: id => `/api/vehicles/${id}`, authorize: authorizeVehicle },
  { family: 'private-user.{u}', pattern: /^private-user\.(\d+)$/, rest: id => `/api/users/${id}/notifications`, authorize: (_db, actor, id) => authorizeOwnUser(actor, id) },
]

/** Public channels every signed-in user may read (and everyone may subscribe to). */
export const PUBLIC_CHANNELS = new Set(['system'])

/**
 * Decides whether `actor` may join `channel`. `private-encrypted-x` follows the rule of `private-x`;
 * channels of no known family are refused.
 */
export async function authorizeChannel(db: Database, actor: Actor, channel: string): Promise<Decision> {
  if (PUBLIC_CHANNELS.has(channel)) return holds(actor, 'read')
  const name = channel.startsWith('private-encrypted-') ? `private-${channel.slice('private-encrypted-'.length)}` : channel
  for (const rule of CHANNEL_RULES) {
    const match = rule.pattern.exec(name)
    if (match) return rule.authorize(db, actor, Number(match[1]))
  }
  return { allowed: false, reason: 'unknown channel family' }
}

/**
 * Whether a socket signed for users of `roles` may send client events on `channel`: only where its
 * family opts in, for the roles it names. Channels of no Lookout family are not Lookout's to rule
 * (an app sharing the secret signs and governs them): undefined leaves the protocol's rule.
 */
export function allowsClientEvent(channel: string, roles: ReadonlyArray<string | null>): boolean | undefined {
  const rule = CHANNEL_RULES.find(candidate => candidate.pattern.test(channel))
  if (!rule) return undefined
  return rule.clientEvents?.some(role => roles.includes(role)) ?? false
}
