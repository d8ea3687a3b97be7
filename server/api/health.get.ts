// Readiness and a short summary: 503 until the database is open and migrated (load balancers wait for 200).
import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from '../db/connection'

/** How long the PostgreSQL probe may take before the database counts as down. */
const PROBE_TIMEOUT_MS = 2_000

export default defineEventHandler(async (event) => {
  const engine = useRealtimeEngine()
  const connections = engine.apps().reduce((sum, app) => sum + (engine.appById(app.id)?.connections.size ?? 0), 0)
  const opened = await Promise.race([useDatabaseHandle().then(handle => handle, () => 'failed' as const), new Promise<'starting'>(done => setTimeout(done, 50, 'starting'))])
  const database = typeof opened === 'string' ? opened : await probe(opened)
  if (database === 'starting' || database === 'failed') setResponseStatus(event, 503)
  // A node without Redis still serves its own sockets: degraded, not down, so it stays in the balancer.
  const cluster = engine.apps().map(app => engine.appById(app.id)?.broker.status()).find(Boolean)
  // Likewise a PostgreSQL that went away after start-up: the realtime side keeps working, so degraded (200).
  const status = database === 'starting' || database === 'failed' ? database : database === 'down' || cluster?.redis === 'down' ? 'degraded' : 'ok'
  return { status, uptime_seconds: Math.round(process.uptime()), database, realtime: { connections }, ...(cluster ? { cluster } : {}) }
})

/** 'ready' when PostgreSQL answers a trivial query in time, else 'down'; the embedded database is in-process. */
async function probe(handle: DatabaseHandle): Promise<'ready' | 'down'> {
  if (handle.kind === 'embedded') return 'ready'
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<'down'>(done => (timer = setTimeout(done, PROBE_TIMEOUT_MS, 'down')))
  const answer = handle.db.execute(sql`select 1`).then(() => 'ready' as const, () => 'down' as const)
  try {
    return await Promise.race([answer, timeout])
  }
  finally {
    clearTimeout(timer)
  }
}
