// Starts the built server (`.output/`) as a child process on a free port, for integration tests and benchmarks.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const TEST_APP = { id: 'test-app', key: 'test-key', secret: 'test-secret-0123456789' }

export interface ServerProcess {
  port: number
  url: string
  pid: number
  child: ChildProcess
  /** Everything the server printed so far. */
  output: () => string
  /** Stops the server (SIGTERM, then SIGKILL after a grace period). */
  stop: () => Promise<void>
}

const ENTRY = resolve(import.meta.dirname, '../../.output/server/index.mjs')
const BUILT_SERVER = [ENTRY]

/**
 * Starts the server with the test app's credentials and a fresh data folder (demo data seeded),
 * plus `env`; resolves once it listens. A DATA_DIR in `env` is kept, so a restart can reuse it.
 * `nodeArgs` may run another server instead (the benchmark's floor) that prints the same
 * `Listening on` line and answers GET /api/health.
 */
export async function startServer(env: Record<string, string> = {}, nodeArgs: string[] = BUILT_SERVER): Promise<ServerProcess> {
  if (nodeArgs === BUILT_SERVER && !existsSync(ENTRY)) throw new Error('The built server is missing: run `npm run build` first')
  const ownDataDir = env.DATA_DIR ? null : mkdtempSync(join(tmpdir(), 'lookout-test-'))
  const child = spawn(process.execPath, nodeArgs, {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: '0',
      REVERB_APP_ID: TEST_APP.id,
      REVERB_APP_KEY: TEST_APP.key,
      REVERB_APP_SECRET: TEST_APP.secret,
      DATA_DIR: ownDataDir ?? '',
      // Tests that want the simulator's traffic turn it on; the others get a quiet server.
      SIMULATOR: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not start in 60 s:\n${output}`))
    }, 60_000)
    const onData = () => {
      const match = /Listening on http:\/\/[^:]+:(\d+)/.exec(output)
      if (!match) return
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      resolvePort(Number(match[1]))
    }
    child.stdout!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true })
      reject(new Error(`server exited with ${code}:\n${output}`))
    })
  })
  try {
    await untilReady(`http://127.0.0.1:${port}`, () => output, child)
  }
  catch (error) {
    // A server that never became ready must not outlive the test that started it.
    await stopChild(child)
    throw error
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    child,
    output: () => output,
    stop: async () => {
      await stopChild(child)
      if (ownDataDir) rmSync(ownDataDir, { recursive: true, force: true })
    },
  }
}

/** Waits for /api/health to answer 200: the database is open (creating it blocks the server for seconds). */
async function untilReady(url: string, output: () => string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    // A server that gave up after listening (its database is unreachable, say) fails at once.
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited with ${child.exitCode ?? child.signalCode}:\n${output()}`)
    const status = await fetch(`${url}/api/health`).then(response => response.status, () => 0)
    if (status === 200) return
    await new Promise(done => setTimeout(done, 100))
  }
  throw new Error(`server not ready in 90 s:\n${output()}`)
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>(done => child.once('exit', () => done()))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(timer)
}
