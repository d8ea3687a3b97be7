// A fresh database on the test PostgreSQL server that scripts/with-postgres.sh starts (TEST_DATABASE_URL).
import pg from 'pg'

/** Creates an empty database and returns its URL; throws when the tests were not started through with-postgres.sh. */
export async function freshPostgres(prefix = 'lookout_it'): Promise<string> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run the integration tests through scripts/with-postgres.sh (npm run test:integration)')
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}
