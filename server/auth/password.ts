// Password hashing with scrypt (Node's crypto): slow and memory-hard, salted, compared in constant time.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

const COST = 2 ** 15
const BLOCK_SIZE = 8
const PARALLELISM = 1
const KEY_LENGTH = 32
const MAX_MEMORY = 128 * 2 ** 17 * 32 * 2

function derive(password: string, salt: Buffer, cost: number, blockSize: number, parallelism: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N: cost, r: blockSize, p: parallelism, maxmem: MAX_MEMORY }, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}

/** Hashes a password as `scrypt$N$r$p$salt$hash` (base64 parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, COST, BLOCK_SIZE, PARALLELISM)
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')].join('$')
}

/** True when `password` matches a hash made by {@link hashPassword}. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, cost, blockSize, parallelism, salt, hash] = stored.split('$')
  const [n, r, p] = [Number(cost), Number(blockSize), Number(parallelism)]
  // A corrupt stored hash is a failed check, never an exception (or a request that runs for minutes).
  const sane = Number.isInteger(Math.log2(n)) && n >= 2 ** 10 && n <= 2 ** 17 && r >= 1 && r <= 32 && p >= 1 && p <= 4
  if (scheme !== 'scrypt' || !salt || !hash || !sane) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await derive(password, Buffer.from(salt, 'base64'), n, r, p).catch(() => null)
  return actual !== null && actual.length === expected.length && timingSafeEqual(actual, expected)
}
