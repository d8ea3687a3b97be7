// Where the ingest scenario's floor and server store: two fresh embedded folders, or two fresh databases on a
// PostgreSQL server (TEST_DATABASE_URL from scripts/with-postgres.sh, else a throwaway cluster the bench starts).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { startPostgres } from '../tests/support/postgres-process'

export type BenchDatabaseKind = 'embedded' | 'postgres'

export interface IngestDatabases {
  /** A folder for the floor's embedded database (unused with PostgreSQL). */
  floorDataDir: string
  floorUrl?: string
  /** Environment of the Lookout server: a fresh DATA_DIR, and DATABASE_URL with PostgreSQL. */
  serverEnv: Record<string, string>
  /** What the figures were measured on, for the report. */
  label: string
  dispose: () => Promise<void>
}

/** Prepares empty storage for the floor and for the server. */
export async function ingestDatabases(kind: BenchDatabaseKind): Promise<IngestDatabases> {
  const root = mkdtempSync(join(tmpdir(), 'lookout-bench-ingest-'))
  const removeRoot = () => rmSync(root, { recursive: true, force: true })
  if (kind === 'embedded') {
    // The floor and the server compile the database alike: baseline code only, unless EMBEDDED_OPTIMIZED_CODE=on.
    const optimized = process.env.EMBEDDED_OPTIMIZED_CODE === 'on'
    return {
      floorDataDir: join(root, 'floor'),
      serverEnv: { DATA_DIR: join(root, 'server'), EMBEDDED_OPTIMIZED_CODE: optimized ? 'on' : 'off' },
      label: `embedded (PGlite, ${optimized ? 'optimized' : 'baseline-only'} WebAssembly code in both processes)`,
      dispose: async () => removeRoot(),
    }
  }
  const given = process.env.TEST_DATABASE_URL
  const own = given ? null : await startPostgres()
  const serverUrl = given ?? own!.url
  try {
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version
    const suffix = `${Date.now()}_${process.pid}`
    for (const name of ['floor', 'lookout']) await admin.query(`CREATE DATABASE bench_${name}_${suffix}`)
    await admin.end()
    const urlOf = (name: string) => Object.assign(new URL(serverUrl), { pathname: `/bench_${name}_${suffix}` }).toString()
    return {
      floorDataDir: join(root, 'floor'),
      floorUrl: urlOf('floor'),
      serverEnv: { DATA_DIR: join(root, 'server'), DATABASE_URL: urlOf('lookout') },
      label: `PostgreSQL ${version.split(' ')[0]}${given ? ' (TEST_DATABASE_URL)' : ' (started by the bench, fsync off)'}`,
      dispose: async () => {
        removeRoot()
        await own?.dispose()
      },
    }
  }
  catch (error) {
    removeRoot()
    await own?.dispose()
    throw error
  }
}
