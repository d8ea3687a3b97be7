// Recent revocations of users and credentials, so a binding that arrives after its revocation is refused.
import type { SocketBinding } from './connection'

/**
 * How long a revocation is remembered. A binding travels from the node that signed it to the node
 * holding the socket in well under this; one issued before the revocation and arriving after it
 * must still close its socket.
 */
const REMEMBER_MS = 10 * 60_000

export class Revocations {
  private readonly users = new Map<string, number>()
  private readonly credentials = new Map<string, number>()

  /** Records that every socket of `userId` was closed at `at`. */
  revokeUser(userId: string, at: number = Date.now()): void {
    this.users.set(userId, at)
  }

  /** Records that every socket bound through `credential` was closed at `at`. */
  revokeCredential(credential: string, at: number = Date.now()): void {
    this.credentials.set(credential, at)
  }

  /** True when the binding's user or credential was revoked at or after `issuedAt`. */
  outdates(binding: SocketBinding, issuedAt: number): boolean {
    return (this.users.get(binding.userId) ?? -Infinity) >= issuedAt
      || (this.credentials.get(binding.credential) ?? -Infinity) >= issuedAt
  }

  /** Forgets revocations older than any binding still in flight. */
  prune(now: number = Date.now()): void {
    for (const map of [this.users, this.credentials]) {
      for (const [key, at] of map) if (now - at > REMEMBER_MS) map.delete(key)
    }
  }
}
