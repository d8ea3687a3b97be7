// Throwaway PostgreSQL databases on the server scripts/with-postgres.sh starts (TEST_DATABASE_URL).
import pg from 'pg'

/** URL of a new, empty database; with `password`, the URL carries it (the test server trusts any password). */
export async function freshPostgresDatabase(password?: string): Promise<string> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run the integration tests through scripts/with-postgres.sh (npm run test:integration)')
  const name = `lookout_it_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  if (password) url.password = password
  return url.toString()
}
