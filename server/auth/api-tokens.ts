// API tokens like Sanctum's personal access tokens: `lk_<id>_<secret>`, only a SHA-256 of the secret is stored.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

const FORMAT = /^lk_(\d+)_([A-Za-z0-9_-]{32,})$/

/** A new random secret and the hash to store for it. */
export function newTokenSecret(): { secret: string, hash: string } {
  const secret = randomBytes(32).toString('base64url')
  return { secret, hash: hashTokenSecret(secret) }
}

/** The plain-text token handed to the user once: id and secret. */
export function formatToken(id: number, secret: string): string {
  return `lk_${id}_${secret}`
}

/** Splits a presented token into its id and secret, or null when it is not one of ours. */
export function parseToken(token: string): { id: number, secret: string } | null {
  const match = FORMAT.exec(token)
  return match ? { id: Number(match[1]), secret: match[2]! } : null
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Compares a presented secret with a stored hash in constant time. */
export function tokenMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashTokenSecret(secret), 'hex')
  const expected = Buffer.from(storedHash, 'hex')
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
