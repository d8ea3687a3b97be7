// A server under test (the built server, or the floor server) started with its inspector open, so memory is read after full GCs.
import { startServer } from '../tests/support/server-process'
import type { ServerProcess } from '../tests/support/server-process'
import { killOnExit, stopOnInterrupt } from './cleanup'
import { readCpuSeconds, readRssKb } from './process-stats'
import { ServerInspector } from './server-inspector'

/** Server memory after full garbage collections, in KiB. */
export interface MemoryReading {
  rssKb: number
  /** V8 heap in use plus `external` (Buffers and other native memory V8 is told about). */
  heapKb: number
}

export interface BenchServer {
  process: ServerProcess
  inspector: ServerInspector
  /** Full GCs, then RSS and heap. */
  memory: () => Promise<MemoryReading>
  /** CPU seconds (user + system) the server has used so far. */
  cpuSeconds: () => number
  stop: () => Promise<void>
}

/**
 * Starts the built server (or the script `nodeArgs` run, such as the floor server) with `env`, plus
 * an inspector on a free port, and connects to its inspector.
 */
export async function startBenchServer(env: Record<string, string> = {}, nodeArgs?: string[]): Promise<BenchServer> {
  // Every load-generator socket comes from 127.0.0.1: the per-address limit would refuse most of them.
  const server = await startServer({ NODE_OPTIONS: '--inspect=127.0.0.1:0', LOOKOUT_MAX_CONNECTIONS_PER_IP: '0', ...env }, nodeArgs)
  killOnExit(server.child)
  let inspector: ServerInspector
  try {
    inspector = await ServerInspector.connect(server.output())
  }
  catch (error) {
    await server.stop()
    throw error
  }
  const forget = stopOnInterrupt(server.stop)
  return {
    process: server,
    inspector,
    memory: async () => {
      const heap = await inspector.settledMemory()
      return { rssKb: readRssKb(server.pid), heapKb: (heap.heapUsed + heap.external) / 1024 }
    },
    cpuSeconds: () => readCpuSeconds(server.pid),
    stop: async () => {
      forget()
      inspector.close()
      await server.stop()
    },
  }
}
