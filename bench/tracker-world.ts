// A data folder whose embedded database has the demo data plus N vehicles with IMEIs, for the `teltonika` scenario.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openDatabase } from '../server/db/connection'
import { seedDemoData } from '../server/db/demo-data'
import { tenants, vehicles } from '../server/db/schema'

const MIGRATIONS = resolve(import.meta.dirname, '../server/db/migrations')

/** The IMEI of bench tracker `index` (15 digits). */
export function benchImei(index: number): string {
  return `86${String(index).padStart(13, '0')}`
}

/** Creates the folder (migrated, seeded, `count` tracked vehicles in the first tenant) and returns its path for DATA_DIR. */
export async function trackerDataDir(count: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-bench-trackers-'))
  const handle = await openDatabase({ dataDir: join(dir, 'db') })
  try {
    await handle.migrate(MIGRATIONS)
    await seedDemoData(handle.db)
    const [tenant] = await handle.db.select({ id: tenants.id }).from(tenants).limit(1)
    for (let start = 0; start < count; start += 1000) {
      const rows = Array.from({ length: Math.min(1000, count - start) }, (_, offset) => start + offset)
        .map(index => ({ tenantId: tenant!.id, name: `Bench ${index}`, plate: `B ${index}`, imei: benchImei(index) }))
      await handle.db.insert(vehicles).values(rows)
    }
  }
  finally {
    await handle.close()
  }
  return dir
}
