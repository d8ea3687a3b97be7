// Revoked tokens and disabled users end their MQTT sessions: the realtime engine tells this node of every
// revocation (its own and, through Redis, the other nodes'), and the embedded broker closes the sessions it
// names. A revocation is also remembered for a while, so a CONNECT whose token was read just before the
// revocation is refused when it completes after it; later CONNECTs find the token revoked in the database.
import { tokenCredential } from '../../auth/actor'
import { Revocations } from '../../realtime/revocations'
import type { DeviceSession } from './device-session'

/** What a revocation ends: every session of a user, or those opened with one token. */
export type DeviceRevocation = { userId: number } | { tokenId: number }

export class DeviceRevocations {
  private readonly remembered = new Revocations()

  /** Remembers `revoked` (at `at`); returns whether a session is one it ends. */
  record(revoked: DeviceRevocation, at: number = Date.now()): (session: DeviceSession) => boolean {
    this.remembered.prune(at)
    if ('userId' in revoked) {
      this.remembered.revokeUser(String(revoked.userId), at)
      return session => session.userId === revoked.userId
    }
    this.remembered.revokeCredential(tokenCredential(revoked.tokenId), at)
    return session => session.tokenId === revoked.tokenId
  }

  /** True when `session`, whose token was read at `openedAt`, was revoked at or after that. */
  outdates(session: DeviceSession, openedAt: number): boolean {
    return this.remembered.outdates({ userId: String(session.userId), credential: tokenCredential(session.tokenId), role: null }, openedAt)
  }
}

/** The MQTT sessions a realtime revocation (a user's id, or a credential) ends; null for a browser session's credential. */
export function deviceRevocationOf(revoked: { userId: string } | { credential: string }): DeviceRevocation | null {
  if ('userId' in revoked) return /^\d+$/.test(revoked.userId) ? { userId: Number(revoked.userId) } : null
  const token = /^token:(\d+)$/.exec(revoked.credential)
  return token ? { tokenId: Number(token[1]) } : null
}
