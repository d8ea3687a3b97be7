// The memory of a test server after a forced full GC, read through the preloaded memory probe.
import { resolve } from 'node:path'
import type { ServerProcess } from './server-process'

/** Environment for startServer that loads the probe (and exposes gc to it). */
export const MEMORY_PROBE_ENV = { NODE_OPTIONS: `--expose-gc --require ${resolve(import.meta.dirname, 'memory-probe.cjs')}` }

/** Forces a full GC in the server and resolves with its memory use right after (bytes). */
export async function settledMemory(server: ServerProcess, timeoutMs = 10_000): Promise<NodeJS.MemoryUsage> {
  const seen = server.output().split('[memory] ').length
  process.kill(server.pid, 'SIGUSR2')
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const parts = server.output().split('[memory] ')
    if (parts.length > seen) return JSON.parse(parts.at(-1)!.split('\n')[0]!) as NodeJS.MemoryUsage
    if (Date.now() > deadline) throw new Error('the server printed no memory use: was it started with MEMORY_PROBE_ENV?')
    await new Promise(done => setTimeout(done, 20))
  }
}
