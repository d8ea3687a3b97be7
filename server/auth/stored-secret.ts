// Secrets generated once into the data folder (DATA_DIR) and reused on every start, never a constant.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

/** The data folder: DATA_DIR, `.data` by default. */
export function dataDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.DATA_DIR || '.data')
}

/**
 * The secret kept in `DATA_DIR/<name>`, generated on first use (readable by this user only);
 * `fresh` says it was made just now.
 */
export function storedSecret(name: string, generate: () => string = () => randomBytes(32).toString('hex')): { value: string, fresh: boolean } {
  const folder = dataDir()
  const file = join(folder, name)
  const fresh = !existsSync(file)
  if (fresh) {
    mkdirSync(folder, { recursive: true })
    writeFileSync(file, generate(), { mode: 0o600, flag: 'wx' })
  }
  return { value: readFileSync(file, 'utf8').trim(), fresh }
}
