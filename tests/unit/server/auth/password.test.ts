import { describe, expect, it } from 'vitest'
import { hashPassword, verifyPassword } from '../../../../server/auth/password'

const PASSWORD = 'correct horse battery staple'

describe('hashPassword / verifyPassword', () => {
  it('verifies the password a hash was made from', async () => {
    const stored = await hashPassword(PASSWORD)
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true)
  })

  it('refuses a wrong password', async () => {
    const stored = await hashPassword(PASSWORD)
    await expect(verifyPassword('correct horse battery stapl', stored)).resolves.toBe(false)
    await expect(verifyPassword('', stored)).resolves.toBe(false)
  })

  it('stores the format scrypt$N$r$p$salt$hash with base64 salt and a 32-byte key', async () => {
    const stored = await hashPassword(PASSWORD)
    expect(stored.startsWith('scrypt$')).toBe(true)
    const [scheme, cost, blockSize, parallelism, salt, hash, ...rest] = stored.split('$')
    expect(rest).toEqual([])
    expect(scheme).toBe('scrypt')
    expect(Number(cost)).toBeGreaterThanOrEqual(2 ** 14)
    expect(Number(blockSize)).toBeGreaterThanOrEqual(8)
    expect(Number(parallelism)).toBeGreaterThanOrEqual(1)
    expect(Buffer.from(salt!, 'base64')).toHaveLength(16)
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32)
    expect(stored).not.toContain(PASSWORD)
  })

  it('salts: two hashes of the same password differ and both verify', async () => {
    const [first, second] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)])
    expect(first).not.toBe(second)
    expect(first.split('$')[4]).not.toBe(second.split('$')[4])
    await expect(verifyPassword(PASSWORD, first)).resolves.toBe(true)
    await expect(verifyPassword(PASSWORD, second)).resolves.toBe(true)
  })

  it('treats Unicode-equivalent spellings (NFKC) as the same password', async () => {
    const stored = await hashPassword('caf\u00E9')
    await expect(verifyPassword('cafe\u0301', stored)).resolves.toBe(true)
  })

  it('refuses a hash whose key part was tampered with', async () => {
    const stored = await hashPassword(PASSWORD)
    const parts = stored.split('$')
    const key = Buffer.from(parts[5]!, 'base64')
    key[0]! ^= 0x01
    parts[5] = key.toString('base64')
    await expect(verifyPassword(PASSWORD, parts.join('$'))).resolves.toBe(false)
  })

  it('refuses a hash whose salt was swapped for another', async () => {
    const [first, second] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)])
    const parts = first.split('$')
    parts[4] = second.split('$')[4]!
    await expect(verifyPassword(PASSWORD, parts.join('$'))).resolves.toBe(false)
  })

  it('refuses a hash truncated to a shorter key', async () => {
    const stored = await hashPassword(PASSWORD)
    const parts = stored.split('$')
    parts[5] = Buffer.from(parts[5]!, 'base64').subarray(0, 16).toString('base64')
    await expect(verifyPassword(PASSWORD, parts.join('$'))).resolves.toBe(false)
  })

  it.each([
    ['an empty string', ''],
    ['plain text', 'not-a-hash'],
    ['another scheme', 'bcrypt$2b$10$abcdefghijklmnopqrstuv$abcdefghijklmnopqrstuvwxyz01234'],
    ['scrypt without salt and hash', 'scrypt$32768$8$1'],
    ['scrypt with an empty hash', 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA==$'],
  ])('returns false without throwing for a malformed stored string: %s', async (_label, stored) => {
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(false)
  })

  // The parameters come from the stored string; garbage there must read as "no match", not as an
  // exception (a login route would answer 500 instead of 401 for such a row).
  it.each([
    ['non-numeric parameters', 'scrypt$abc$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g='],
    ['empty parameters', 'scrypt$$$$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g='],
    ['a cost that is not a power of two', 'scrypt$1000$8$1$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g='],
  ])('returns false without throwing for a scrypt string with %s', async (_label, stored) => {
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(false)
  })
})
