// Opens the database: embedded PGlite in a data folder by default, PostgreSQL when a URL is given.
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres'
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import pg from 'pg'
import type { QueryObserver } from './query-timing'
import { timedPglite, timedQuery } from './query-timing'
import * as schema from './schema'

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>

export interface DatabaseHandle {
  db: Database
  kind: 'embedded' | 'postgres'
  /** Applies the migrations in `folder` (drizzle-kit's output) that have not run yet. */
  migrate: (folder: string) => Promise<void>
  close: () => Promise<void>
}

// The embedded database's share of the server's memory: PostgreSQL's default shared_buffers (128 MB) lives in
// PGlite's WebAssembly memory and is soon resident, most of an idle server's RSS. 16 MB holds the hot pages of a
// site (latest values, the last hours of telemetry); colder pages are read through the OS file cache.
const EMBEDDED_SETTINGS = ['-c', 'shared_buffers=16MB']

/**
 * Opens PostgreSQL at `url` when given, else PGlite in `dataDir` (`memory://` for a throwaway one); with `onQuery`,
 * every statement's kind and duration is reported to it.
 */
export async function openDatabase(options: { url?: string, dataDir: string, onQuery?: QueryObserver }): Promise<DatabaseHandle> {
  const { onQuery } = options
  if (options.url) {
    // A bounded wait for a connection: with the server unreachable a request fails (503) instead of hanging.
    const pool = new pg.Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: 5_000 })
    // An idle client whose server went away is dropped by the pool, which connects anew on demand; without
    // a listener its 'error' would be an uncaught exception.
    pool.on('error', error => console.warn(`[lookout] database connection lost: ${error.message}`))
    // A client in use when its connection breaks emits 'error' too: its query fails with that error, which the
    // request answers (503), so there is nothing more to do here than keep it from being uncaught.
    pool.on('connect', (client) => {
      client.on('error', () => undefined)
      // Every statement, pooled or in a transaction, runs through a client the pool connected.
      if (onQuery) client.query = timedQuery(client.query.bind(client), onQuery)
    })
    const db = drizzlePostgres(pool, { schema })
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      migrate: async (folder) => {
        // One instance migrates at a time when several start together.
        const client = await pool.connect()
        try {
          await client.query('SELECT pg_advisory_lock(7246016)')
          await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: folder })
        }
        finally {
          await client.query('SELECT pg_advisory_unlock(7246016)').catch(() => undefined)
          client.release()
        }
      },
      close: () => pool.end(),
    }
  }
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true })
  const client = new PGlite(options.dataDir, { startParams: [...PGlite.defaultStartParams, ...EMBEDDED_SETTINGS] })
  const db = drizzlePglite(onQuery ? timedPglite(client, onQuery) : client, { schema })
  return {
    db: db as unknown as Database,
    kind: 'embedded',
    migrate: folder => migratePglite(db, { migrationsFolder: folder }),
    close: () => client.close(),
  }
}
