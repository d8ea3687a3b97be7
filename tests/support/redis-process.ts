// Starts a throwaway redis-server (no persistence) on a free 127.0.0.1 port, for cluster integration tests.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createConnection } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port'

const REDIS_SERVER = '/usr/bin/redis-server'

export interface RedisProcess {
  port: number
  /** The running server's process id (0 while stopped), for CPU figures. */
  readonly pid: number
  /** `redis://127.0.0.1:<port>`, for REDIS_URL. */
  url: string
  /** Stops the server (SIGTERM); its data is gone, as nothing is saved. */
  stop: () => Promise<void>
  /** Starts it again on the same port, empty, and waits until it answers PING. */
  start: () => Promise<void>
  /** stop() then start(): what a crashed and restarted Redis looks like to its clients. */
  restart: () => Promise<void>
  /** Stops the server and removes its folder. */
  dispose: () => Promise<void>
}

/** Starts redis-server; fails with a clear message when it is not installed (CI installs it). */
export async function startRedis(): Promise<RedisProcess> {
  if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is missing: apt-get install redis-server (the cluster tests need a real Redis)`)
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'lookout-redis-'))
  let child: ChildProcess | null = null
  let output = ''
  const start = async () => {
    output = ''
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no', '--loglevel', 'warning'], { stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString() })
    await untilPong(port, child, () => output)
  }
  const stop = async () => {
    const running = child
    child = null
    if (!running || running.exitCode !== null || running.signalCode !== null) return
    const exited = new Promise<void>(done => running.once('exit', () => done()))
    running.kill('SIGTERM')
    const timer = setTimeout(() => running.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }
  await start()
  return {
    port,
    get pid() {
      return (child as ChildProcess | null)?.pid ?? 0
    },
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    restart: async () => {
      await stop()
      await start()
    },
    dispose: async () => {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}


/** Waits (at most 10 s) until the server answers PING with PONG. */
async function untilPong(port: number, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server exited (${child.exitCode ?? child.signalCode}):\n${output()}`)
    if (await ping(port)) return
    await new Promise(done => setTimeout(done, 50))
  }
  throw new Error(`redis-server did not answer PING on port ${port} within 10 s:\n${output()}`)
}

/** One PING over a fresh connection; true when the answer is +PONG. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    let answer = ''
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1_000, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString()
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'))
    })
  })
}
