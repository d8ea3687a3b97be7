// The ingest floor, run as a process of its own: the bench's samples written by a minimal script straight into
// Lookout's telemetry table, one multi-row INSERT per 1 000 samples, no HTTP, validation or rules; then, after emptying
// the tables, the same samples written with their per-minute rollups (the rows Lookout keeps as data arrives), one
// statement per 1 000. Started by bench/scenarios/ingest.ts with a plan over IPC; answers with what it measured.
import { resolve } from 'node:path'
import { eq } from 'drizzle-orm'
import { openDatabase } from '../server/db/connection'
import { chooseEmbeddedCompilation } from '../server/db/embedded-code'
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
  /** The raw rows alone. */
  raw: FloorRun
  /** The raw rows and their per-minute rollups. */
  withRollups: FloorRun
}

export interface FloorRun {
  samples: number
  seconds: number
  cpuSeconds: number
  /** Of cpuSeconds, the time spent in the kernel (socket writes to the database, for one). */
  systemSeconds: number
  rssKb: number
}

/** Anything that runs a parameterised statement: PGlite and pg's Pool both do. */
type Queryable = { query: (text: string, params: unknown[]) => Promise<unknown> }

/** One statement per batch: the raw rows, and with `rollups` their per-minute rollups merged from the same VALUES. */
function floorStatement(tuples: string[], rollups: boolean): string {
  const raw = `INSERT INTO telemetry (tenant_id, zone_id, device_id, metric, value, recorded_at) VALUES ${tuples.join(', ')}`
  if (!rollups) return raw
  return `WITH sample (tenant_id, zone_id, device_id, metric, value, recorded_at) AS (VALUES ${tuples.join(', ')}),
    raw AS (INSERT INTO telemetry (tenant_id, zone_id, device_id, metric, value, recorded_at) SELECT * FROM sample)
    INSERT INTO telemetry_minutely (zone_id, metric, minute, device_id, count, sum, min, max)
    SELECT zone_id, metric, date_trunc('minute', recorded_at), device_id, count(*), sum(value), min(value), max(value)
    FROM sample GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (zone_id, metric, minute, device_id) DO UPDATE SET count = telemetry_minutely.count + excluded.count,
      sum = telemetry_minutely.sum + excluded.sum, min = least(telemetry_minutely.min, excluded.min), max = greatest(telemetry_minutely.max, excluded.max)`
}

async function writeAll(client: Queryable, plan: IngestPlan, byUid: Map<string, { id: number, zoneId: number | null, tenantId: number }>, rollups: boolean): Promise<FloorRun> {
  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  for (let batch = 0; batch < batchCount(plan); batch++) {
    const samples = benchBatch(plan, batch)
    const params: unknown[] = []
    const tuples = samples.map((sample, row) => {
      const node = byUid.get(sample.node)!
      params.push(node.tenantId, node.zoneId, node.id, sample.metric, sample.value, sample.at)
      const at = (column: number) => `$${row * COLUMNS + column + 1}`
      // Typed with the rollups, because a VALUES list outside an INSERT gets no column types from a table.
      return rollups
        ? `(${at(0)}::integer, ${at(1)}::integer, ${at(2)}::integer, ${at(3)}::text, ${at(4)}::float8, ${at(5)}::timestamptz)`
        : `(${at(0)}, ${at(1)}, ${at(2)}, ${at(3)}, ${at(4)}, ${at(5)})`
    })
    await client.query(floorStatement(tuples, rollups), params)
  }
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  return { samples: plan.samples, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, systemSeconds: cpu.system / 1e6, rssKb: process.memoryUsage().rss / 1024 }
}

async function runFloor({ plan, url, dataDir }: FloorPlan): Promise<FloorReply> {
  // The embedded database compiled as the server compiles it (this process inherits the bench's environment).
  if (!url) chooseEmbeddedCompilation(process.env.EMBEDDED_OPTIMIZED_CODE === 'on')
  const handle = await openDatabase({ url, dataDir })
  try {
    await handle.migrate(MIGRATIONS)
    await seedDemoData(handle.db)
    const nodes = await handle.db.select({ id: devices.id, uid: devices.uid, zoneId: devices.zoneId, tenantId: devices.tenantId }).from(devices).where(eq(devices.tenantId, 1))
    const byUid = new Map(nodes.map(node => [node.uid, node]))
    const client = (handle.db as unknown as { $client: Queryable }).$client
    const raw = await writeAll(client, plan, byUid, false)
    await client.query('TRUNCATE telemetry, telemetry_minutely', [])
    const withRollups = await writeAll(client, plan, byUid, true)
    return { raw, withRollups }
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
