// The process's database: opened, migrated and (when empty and allowed) seeded once, on first use.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import type { Database, DatabaseHandle } from '../db/connection'
import { openDatabase } from '../db/connection'
import { chooseEmbeddedCompilation } from '../db/embedded-code'
import { replacePublishedDemoPassword, seedDemoData } from '../db/demo-data'
import { demoPassword } from '../db/demo-password'
import type { DemoPassword } from '../db/demo-password'
import { seedDemoEquipment } from '../db/demo-equipment'
import { recordDatabaseQuery } from '../observability/database-metrics'

let ready: Promise<DatabaseHandle> | null = null
let password: DemoPassword | null = null

/** The demo accounts' password of this process (decided once: a generated one is `fresh` on its first start only). */
export function useDemoPassword(): DemoPassword {
  password ??= demoPassword()
  return password
}

/** The database, once it is open and migrated. */
export async function useDatabase(): Promise<Database> {
  return (await useDatabaseHandle()).db
}

/** The database handle (kind, close), once it is open and migrated. */
export function useDatabaseHandle(): Promise<DatabaseHandle> {
  ready ??= openMigrated()
  return ready
}

async function openMigrated(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL || undefined
  if (!url) chooseEmbeddedCompilation(process.env.EMBEDDED_OPTIMIZED_CODE === 'on')
  const handle = await openDatabase({
    url,
    dataDir: join(resolve(process.env.DATA_DIR || '.data'), 'db'),
    onQuery: recordDatabaseQuery,
  })
  const migrations = await migrationsFolder()
  try {
    await handle.migrate(migrations)
  }
  finally {
    // Written afresh on every start: left behind, one folder per start would pile up in /tmp.
    rmSync(migrations, { recursive: true, force: true })
  }
  if (process.env.DEMO_DATA !== 'off') {
    const password = useDemoPassword()
    if (await seedDemoData(handle.db, password.value, { modbusGateways: process.env.SIMULATOR !== 'off' })) console.log('[lookout] demo data written into the empty database')
    else if (password.source !== 'published' && await replacePublishedDemoPassword(handle.db, password.value) > 0) {
      console.log('[lookout] the demo accounts\' published password was replaced: the server is reachable beyond this machine')
    }
    await seedDemoEquipment(handle.db)
  }
  return handle
}

/**
 * The migrations are bundled into the server as assets (so `.output/` is self-contained) and
 * written to a temporary folder for drizzle's migrator, which reads a folder.
 */
async function migrationsFolder(): Promise<string> {
  const assets = useStorage('assets:migrations')
  const folder = mkdtempSync(join(tmpdir(), 'lookout-migrations-'))
  for (const key of await assets.getKeys()) {
    const content = await assets.getItemRaw<Buffer | string>(key)
    const path = join(folder, ...key.split(':'))
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, typeof content === 'string' ? content : Buffer.from(content as Buffer))
  }
  return folder
}
