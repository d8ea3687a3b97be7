import { describe, expect, it } from 'vitest'
import { formatToken, hashTokenSecret, newTokenSecret, parseToken, tokenMatches } from '../../../../server/auth/api-tokens'

describe('API tokens', () => {
  it('parses a formatted token back into its id and secret', () => {
    const { secret } = newTokenSecret()
    const token = formatToken(42, secret)
    expect(token).toBe(`lk_42_${secret}`)
    expect(parseToken(token)).toEqual({ id: 42, secret })
  })

  it('makes secrets of at least 32 url-safe characters, different each time', () => {
    const first = newTokenSecret().secret
    const second = newTokenSecret().secret
    expect(first).toMatch(/^[A-Za-z0-9_-]{32,}$/)
    expect(first).not.toBe(second)
  })

  it('keeps underscores and dashes that belong to the secret', () => {
    const secret = '_-abcdefghijklmnopqrstuvwxyz0123_-'
    expect(parseToken(formatToken(7, secret))).toEqual({ id: 7, secret })
  })

  it.each([
    ['an empty string', ''],
    ['a bare secret', 'abcdefghijklmnopqrstuvwxyz0123456789ABCD'],
    ['another prefix', 'pk_1_abcdefghijklmnopqrstuvwxyz0123456789ABCD'],
    ['Sanctum style', '1|abcdefghijklmnopqrstuvwxyz0123456789ABCD'],
    ['a non-numeric id', 'lk_x_abcdefghijklmnopqrstuvwxyz0123456789ABCD'],
    ['a missing id', 'lk__abcdefghijklmnopqrstuvwxyz0123456789ABCD'],
    ['a short secret', 'lk_1_abcdefghijklmnopqrstuvwxyz01'.slice(0, -1)],
    ['characters outside base64url', 'lk_1_abcdefghijklmnopqrstuvwxyz0123456789+/=='],
    ['surrounding whitespace', ' lk_1_abcdefghijklmnopqrstuvwxyz0123456789ABCD'],
    ['a trailing newline', 'lk_1_abcdefghijklmnopqrstuvwxyz0123456789ABCD\n'],
  ])('rejects %s', (_label, token) => {
    expect(parseToken(token)).toBeNull()
  })

  it('stores a SHA-256 hex digest of the secret, never the secret itself', () => {
    const { secret, hash } = newTokenSecret()
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).not.toBe(secret)
    expect(hash).not.toContain(secret)
    expect(hash).toBe(hashTokenSecret(secret))
  })

  it('matches the secret the hash was made from, and no other', () => {
    const { secret, hash } = newTokenSecret()
    expect(tokenMatches(secret, hash)).toBe(true)
    expect(tokenMatches(newTokenSecret().secret, hash)).toBe(false)
    expect(tokenMatches(`${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`, hash)).toBe(false)
    expect(tokenMatches(hash, hash)).toBe(false)
  })

  it('does not match (nor throw on) a stored hash that is not a SHA-256 hex digest', () => {
    const { secret, hash } = newTokenSecret()
    expect(tokenMatches(secret, '')).toBe(false)
    expect(tokenMatches(secret, 'not hex at all')).toBe(false)
    expect(tokenMatches(secret, hash.slice(0, 32))).toBe(false)
  })
})
