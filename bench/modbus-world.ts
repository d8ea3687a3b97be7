// A data folder for the `modbus` scenario: the demo data with its own gateways archived, plus one Modbus TCP
// gateway per bench device, each with `registers` uint16 holding-register data points polled every `intervalMs`.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { openDatabase } from '../server/db/connection'
import { seedDemoData } from '../server/db/demo-data'
import { dataPoints, gateways, readings, tenants } from '../server/db/schema'

const MIGRATIONS = resolve(import.meta.dirname, '../server/db/migrations')

export interface ModbusWorld {
  dataDir: string
  /** The bench gateways' ids, in the order of the ports they poll. */
  gatewayIds: number[]
}

/** Creates the folder (migrated, seeded, the bench gateways) and returns its path for DATA_DIR. */
export async function modbusDataDir(ports: number[], registers: number, intervalMs: number): Promise<ModbusWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lookout-bench-modbus-'))
  const handle = await openDatabase({ dataDir: join(dataDir, 'db') })
  try {
    await handle.migrate(MIGRATIONS)
    await seedDemoData(handle.db)
    // Only the bench's gateways are polled, so every reading stored is one the bench's devices answered.
    await handle.db.update(gateways).set({ archivedAt: new Date() }).where(isNull(gateways.archivedAt))
    const [tenant] = await handle.db.select({ id: tenants.id }).from(tenants).limit(1)
    const created = await handle.db.insert(gateways).values(ports.map((port, index) => ({
      tenantId: tenant!.id,
      name: `Bench Modbus ${index}`,
      serial: `BENCH-MB-${index}`,
      connection: { protocol: 'modbus-tcp' as const, host: '127.0.0.1', port, unitId: 1, pollIntervalMs: intervalMs, timeoutMs: intervalMs },
    }))).returning({ id: gateways.id })
    const gatewayIds = created.map(row => row.id)
    const points = gatewayIds.flatMap(gatewayId => Array.from({ length: registers }, (_, register) => ({
      gatewayId, register, label: `Register ${register}`, function: 'holding' as const, dataType: 'uint16' as const, wordOrder: 'big' as const,
    })))
    for (let start = 0; start < points.length; start += 1000) await handle.db.insert(dataPoints).values(points.slice(start, start + 1000))
    return { dataDir, gatewayIds }
  }
  finally {
    await handle.close()
  }
}

/** Readings of `quality` stored for the gateways, read from the folder once its server has stopped. */
export async function storedReadings(dataDir: string, gatewayIds: number[], quality: 'good' | 'bad'): Promise<number> {
  const handle = await openDatabase({ dataDir: join(dataDir, 'db') })
  try {
    return await handle.db.$count(readings, and(inArray(readings.gatewayId, gatewayIds), eq(readings.quality, quality)))
  }
  finally {
    await handle.close()
  }
}
