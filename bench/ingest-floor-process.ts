// The ingest floor, run as a process of its own: the bench's samples written by a minimal script straight into
// Lookout's telemetry table, one multi-row INSERT per 1 000 samples, no HTTP, validation or rules. Started by
// bench/scenarios/ingest.ts with a plan over IPC; answers with what it measured.
import { resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import { openDatabase } from '../server/db/connection'
import { seedDemoData } from '../server/db/demo-data'
import { devices } from '../server/db/schema'
import type { IngestPlan } from './ingest-data'
import { batchCount, benchBatch } from './ingest-data'

const MIGRATIONS = resolve(import.meta.dirname, '../server/db/migrations')
const COLUMNS = 6

export interface FloorPlan {
  plan: IngestPlan
  /** PostgreSQL URL of an empty database, or else the embedded database's folder. */
  url?: string
  dataDir: string
}

export interface FloorReply {
  samples: number
  seconds: number
  cpuSeconds: number
  /** Of cpuSeconds, the time spent in the kernel (socket writes to the database, for one). */
  systemSeconds: number
  rssKb: number
}

/** Anything that runs a parameterised statement: PGlite and pg's Pool both do. */
type Queryable = { query: (text: string, params: unknown[]) => Promise<unknown> }

async function runFloor({ plan, url, dataDir }: FloorPlan): Promise<FloorReply> {
  const handle = await openDatabase({ url, dataDir })
  try {
    await handle.migrate(MIGRATIONS)
    await seedDemoData(handle.db)
    const nodes = await handle.db.select({ id: devices.id, uid: devices.uid, zoneId: devices.zoneId, tenantId: devices.tenantId }).from(devices).where(eq(devices.tenantId, 1))
    const byUid = new Map(nodes.map(node => [node.uid, node]))
    const client = (handle.db as unknown as { $client: Queryable }).$client
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    for (let batch = 0; batch < batchCount(plan); batch++) {
      const samples = benchBatch(plan, batch)
      const params: unknown[] = []
      const tuples = samples.map((sample, row) => {
        const node = byUid.get(sample.node)!
        params.push(node.tenantId, node.zoneId, node.id, sample.metric, sample.value, sample.at)
        return `(${Array.from({ length: COLUMNS }, (_, column) => `$${row * COLUMNS + column + 1}`).join(', ')})`
      })
      await client.query(`INSERT INTO telemetry (tenant_id, zone_id, device_id, metric, value, recorded_at) VALUES ${tuples.join(', ')}`, params)
    }
    const seconds = (performance.now() - started) / 1000
    const cpu = process.cpuUsage(cpuBefore)
    return { samples: plan.samples, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, systemSeconds: cpu.system / 1e6, rssKb: process.memoryUsage().rss / 1024 }
  }
  finally {
    await handle.close()
  }
}

process.once('message', (plan: FloorPlan) => {
  runFloor(plan).then(
    reply => process.send!({ reply }, () => process.exit(0)),
    (error: Error) => process.send!({ error: error.stack ?? error.message }, () => process.exit(1)),
  )
})
