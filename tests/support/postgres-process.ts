// A throwaway PostgreSQL cluster of its own (Debian's `postgresql`), which a test may stop and start under a running server.
import { execFile } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './free-port'

const run = promisify(execFile)

export interface PostgresProcess {
  port: number
  /** `postgres://lookout@127.0.0.1:<port>/postgres`, for DATABASE_URL. */
  url: string
  /** Shuts the server down (`pg_ctl stop -m fast`: open sessions are terminated with 57P01), keeping its data. */
  stop: () => Promise<void>
  /** Starts it again on the same port and data, and waits until it accepts connections. */
  start: () => Promise<void>
  /** Stops the server and removes its data. */
  dispose: () => Promise<void>
}

/** Creates and starts a cluster on a free port; fails with a clear message when PostgreSQL is not installed. */
export async function startPostgres(): Promise<PostgresProcess> {
  const bin = postgresBin()
  const port = await freePort()
  const data = mkdtempSync(join(tmpdir(), 'lookout-pg-fault-'))
  // initdb refuses to run as root: the cluster then belongs to the `postgres` user, like with-postgres.sh does it.
  const asRoot = process.getuid?.() === 0
  if (asRoot) chownSync(data, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()))
  const owner = (command: string, args: string[]) => asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, command), ...args]) : run(join(bin, command), args)
  await owner('initdb', ['-D', data, '-U', 'lookout', '--auth=trust'])
  const start = async () => {
    await owner('pg_ctl', ['-D', data, '-l', join(data, 'server.log'), '-w', '-o', `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start'])
  }
  const stop = async () => {
    await owner('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => undefined)
  }
  await start()
  return {
    port,
    url: `postgres://lookout@127.0.0.1:${port}/postgres`,
    stop,
    start,
    dispose: async () => {
      await stop()
      rmSync(data, { recursive: true, force: true })
    },
  }
}

/** The newest installed PostgreSQL's bin folder. */
function postgresBin(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter(version => existsSync(join(root, version, 'bin', 'initdb'))) : []
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1)
  if (!newest) throw new Error('PostgreSQL is not installed: apt-get install postgresql (the database fault tests start their own cluster)')
  return join(root, newest, 'bin')
}
