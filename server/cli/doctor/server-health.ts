// Database and Redis as the running server sees them, read from its health route (the doctor never opens the database).
import type { CheckResult } from './check-result'
import { fail, pass } from './check-result'
import type { DoctorTarget } from './doctor-target'
import { timedFetch } from './timed-fetch'

interface Health {
  status?: string
  database?: string
  cluster?: { redis: 'up' | 'down', nodes: number }
}

/** The database line, and the Redis line when REDIS_URL is set. */
export async function serverHealthChecks({ env, serverUrl }: DoctorTarget): Promise<CheckResult[]> {
  let health: Health
  try {
    const response = await timedFetch(`${serverUrl}/api/health`)
    health = await response.json() as Health
  }
  catch (error) {
    const unreachable = fail('server', `nothing answers at ${serverUrl}/api/health (${(error as Error).message})`, 'start the server (npm start, or npm run serve after a build); if it listens elsewhere, run the doctor with the same HOST and PORT')
    return [unreachable]
  }
  return [database(health, env), ...(env.REDIS_URL ? [redis(health)] : [])]
}

function database(health: Health, env: Record<string, string | undefined>): CheckResult {
  const kind = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${env.DATA_DIR || '.data'}/db`
  switch (health.database) {
    case 'ready': return pass('database', `${kind} is reachable and migrated`)
    case 'starting': return fail('database', `the server is still opening or migrating ${kind}`, 'wait a few seconds and run the doctor again; if it stays so, read the server log for "[lookout] database"')
    case 'down': return fail('database', `the server cannot reach ${kind}`, 'start PostgreSQL or correct DATABASE_URL (host, port, user, password, database); the server reconnects by itself')
    default: return fail('database', `the server reports the database as "${health.database ?? 'unknown'}"`, 'read the server log for "[lookout] database error" and fix what it names, then restart the server')
  }
}

function redis(health: Health): CheckResult {
  if (!health.cluster) return fail('redis', 'REDIS_URL is set here but the running server is not in cluster mode', 'start the server with the same REDIS_URL as the doctor')
  if (health.cluster.redis === 'down') return fail('redis', 'the server has lost its Redis connection and serves its own sockets alone', 'start Redis or correct REDIS_URL; the server resynchronises by itself once Redis is back')
  return pass('redis', `Redis is up; the cluster has ${health.cluster.nodes} node(s)`)
}
