// An MQTT connection's credentials: the ingest token's tenant, and which of its entities it has asked about.
import type { Database } from '../../db/connection'
import type { DeviceEntity } from '../../domain/device-ownership'
import { tenantOwns } from '../../domain/device-ownership'
import { tokenActor } from '../../auth/actor'
import { parseToken } from '../../auth/api-tokens'
import { cachedOwnership } from './ownership-cache'

export interface DeviceSession {
  tenantId: number
  tokenId: number
  /** The token's user (disabling them ends the session). */
  userId: number
  /** True when the tenant has `entity` (cached per connection: ownership of a uid does not move). */
  owns: (entity: DeviceEntity) => Promise<boolean>
}

/**
 * The session of an MQTT CONNECT: the username is an API token with the `ingest` ability (the password is
 * then ignored), or the password is, for devices that must send a username of their own. Null otherwise.
 */
export async function openDeviceSession(db: Database, username: string | undefined, password: Uint8Array | undefined): Promise<DeviceSession | null> {
  const presented = username && parseToken(username) ? username : password ? Buffer.from(password).toString('utf8') : ''
  if (!parseToken(presented)) return null
  const actor = await tokenActor(db, presented)
  if (!actor?.abilities.has('ingest') || actor.tokenId === undefined) return null
  const tenantId = actor.user.tenantId
  return {
    tenantId,
    tokenId: actor.tokenId,
    userId: actor.user.id,
    owns: cachedOwnership(entity => tenantOwns(db, tenantId, entity)),
  }
}
