// The positions path alone, in-process on the embedded database in a temporary folder: 2 demo tenants topped up to
// 5 000 vehicles, driven by the simulator's vehicles and ingested 1 000 per transaction as the route does, without
// HTTP, the simulator's other traffic or broadcasts to anyone. Prints CPU per position every 10 rounds (a round is
// one position per vehicle) and the statements that took the time. `npx tsx bench/positions-path.ts [rounds] [vacuum]`
// (`vacuum`: the embedded vacuum job's statements every 10 rounds).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Transaction } from '@electric-sql/pglite'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import type { Database, DatabaseHandle } from '../server/db/connection'
import { seedDemoData } from '../server/db/demo-data'
import { vacuumRewrittenTables } from '../server/db/embedded-vacuum'
import * as schema from '../server/db/schema'
import type { DomainContext } from '../server/domain/context'
import { ingestPositions } from '../server/domain/vehicles/ingest-positions'
import { positionsIngestSchema } from '../server/domain/vehicles/position-schema'
import { addSimulatedVehicles } from '../server/simulator/extra-vehicles'
import { VehicleSimulation } from '../server/simulator/vehicle-simulation'
import { loadWorld } from '../server/simulator/world'

const rounds = Number(process.argv[2] ?? 60)
const vacuum = process.argv[3] === 'vacuum'
const folder = mkdtempSync(join(tmpdir(), 'lookout-positions-'))
// The server's own embedded settings (server/db/connection.ts).
const client = new PGlite(folder, { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] })
const spent = new Map<string, { count: number, ms: number }>()
type Query = PGlite['query']
const timed = (query: Query): Query => (async (text: string, ...rest: unknown[]) => {
  const started = performance.now()
  try {
    return await (query as (text: string, ...rest: unknown[]) => ReturnType<Query>)(text, ...rest)
  }
  finally {
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 80)
    const entry = spent.get(key) ?? { count: 0, ms: 0 }
    spent.set(key, { count: entry.count + 1, ms: entry.ms + performance.now() - started })
  }
}) as Query
const transaction = client.transaction.bind(client)
client.transaction = (callback => transaction(tx => callback(Object.assign(Object.create(tx) as Transaction, { query: timed(tx.query.bind(tx)) })))) as PGlite['transaction']
const db = drizzle(client, { schema }) as unknown as Database
const handle: DatabaseHandle = { db, kind: 'embedded', migrate: async () => undefined, close: () => client.close() }
await migrate(drizzle(client, { schema }), { migrationsFolder: 'server/db/migrations' })
await seedDemoData(db)
await addSimulatedVehicles(db, 5000)
let now = Date.now()
const ctx = { db, now: () => new Date(now), broadcaster: { broadcast: () => undefined }, settings: { positionBatchMs: 1000 } } as unknown as DomainContext
const tenants = (await loadWorld(db)).map(tenant => ({ id: tenant.id, vehicles: new VehicleSimulation(tenant, Math.random, 1) }))
const cpuMs = () => (process.cpuUsage().user + process.cpuUsage().system) / 1000
let blockStart = cpuMs()
let positions = 0
for (let round = 1; round <= rounds; round++) {
  now += 1000
  for (const tenant of tenants) {
    const fixes = tenant.vehicles.tick()
    for (let start = 0; start < fixes.length; start += 1000) {
      const input = positionsIngestSchema.parse({ positions: fixes.slice(start, start + 1000) })
      await db.transaction(tx => ingestPositions(ctx, tx, tenant.id, input))
      positions += Math.min(1000, fixes.length - start)
    }
  }
  if (round % 10 !== 0) continue
  if (vacuum) await vacuumRewrittenTables(handle)
  console.log(`rounds ${round - 9}-${round}: ${(1000 * (cpuMs() - blockStart) / positions).toFixed(1)} µs CPU per position`)
  blockStart = cpuMs()
  positions = 0
}
for (const [text, { count, ms }] of [...spent].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8)) console.log(`${ms.toFixed(0).padStart(7)} ms ${String(count).padStart(5)}x ${text}`)
await client.close()
rmSync(folder, { recursive: true, force: true })
