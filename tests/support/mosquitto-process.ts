// Starts Debian's mosquitto on a free 127.0.0.1 port with a config file of its own (anonymous, in memory),
// for the tests of Lookout as a client of an external broker.
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './free-port'

const MOSQUITTO = '/usr/sbin/mosquitto'

export interface MosquittoProcess {
  port: number
  /** `mqtt://127.0.0.1:<port>`. */
  url: string
  /** Stops the broker and removes its folder. */
  dispose: () => Promise<void>
}

/** Starts mosquitto; fails with a clear message when it is not installed (CI installs it). */
export async function startMosquitto(): Promise<MosquittoProcess> {
  if (!existsSync(MOSQUITTO)) throw new Error(`${MOSQUITTO} is missing: apt-get install mosquitto (the external-broker tests need a real broker)`)
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'lookout-mosquitto-'))
  const config = join(dir, 'mosquitto.conf')
  writeFileSync(config, [
    `listener ${port} 127.0.0.1`,
    'allow_anonymous true',
    'persistence false',
    // Queued messages of offline persistent sessions (a node that was away when its command was sent).
    'max_queued_messages 1000',
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    '',
  ].join('\n'))
  let output = ''
  const child: ChildProcess = spawn(MOSQUITTO, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString() })
  const deadline = Date.now() + 10_000
  while (!await accepts(port)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`mosquitto did not listen on port ${port} within 10 s:\n${output}`)
    }
    await new Promise(done => setTimeout(done, 50))
  }
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    dispose: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise(done => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** True when a TCP connection to the port opens. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
