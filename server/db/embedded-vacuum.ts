// The embedded database's vacuum. PGlite runs PostgreSQL in single-user mode, where autovacuum never runs: tables whose
// rows ingest rewrites every second (each vehicle's latest position, the latest telemetry values) keep every dead row
// version, and each later statement on them wades through more of them. On the simulator's 10 000 vehicles a second
// the positions path went from 88 to 128 µs of CPU per position within 600 000 positions; vacuumed every 100 000 it
// stayed at 91.
import { sql } from 'drizzle-orm'
import type { DatabaseHandle } from './connection'

/** The tables ingest and the sweeps update in place (append-only tables need no vacuum for dead rows). */
export const REWRITTEN_TABLES = ['vehicles', 'vehicle_geozones', 'telemetry_latest', 'telemetry_minutely', 'threshold_states', 'devices', 'gateways', 'data_points', 'idempotency_keys', 'api_tokens'] as const

/** Vacuums the rewritten tables of an embedded database, one statement each; nothing on PostgreSQL, whose autovacuum does it. */
export async function vacuumRewrittenTables(handle: DatabaseHandle): Promise<void> {
  if (handle.kind !== 'embedded') return
  for (const table of REWRITTEN_TABLES) await handle.db.execute(sql`VACUUM ${sql.identifier(table)}`)
}

/**
 * Refreshes the planner's statistics of an embedded database (single-user mode has no autoanalyze either, so a table
 * that grew from empty would be planned as empty forever); nothing on PostgreSQL.
 */
export async function analyzeEmbeddedDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'embedded') await handle.db.execute(sql`ANALYZE`)
}
