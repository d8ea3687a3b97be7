// What the scenarios share: HTTP API clients, the warm-up, open-file budgets, and connecting a fleet while measuring server memory.
import { readdirSync } from 'node:fs'
import { Agent } from 'node:http'
import Pusher from 'pusher'
import { TEST_APP } from '../tests/support/server-process'
import type { BenchServer, MemoryReading } from './bench-server'
import { sleep } from './clock'
import { profiled } from './cpu-profile'
import { fdLimitProblem, openFileLimit } from './fd-limit'
import type { BenchOptions } from './options'
import type { ConnectResult, MemoryResult } from './report'
import { SubscriberFleet } from './subscriber-fleet'
import { SubscriberPool } from './ws-subscribers'

const HTTP_TIMEOUT_MS = 10_000
const CONNECT_PHASE_LIMIT_MS = 180_000
const WARM_UP_LIMIT_MS = 15_000
/** Most sockets one load-generator process holds. */
const SOCKETS_PER_PROCESS = 5_000

/** The Pusher SDK pointed at one server, with `concurrency` keep-alive HTTP connections. */
export function apiClient(server: BenchServer, concurrency = 8): { pusher: Pusher, close: () => void } {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const pusher = new Pusher({
    appId: TEST_APP.id,
    key: TEST_APP.key,
    secret: TEST_APP.secret,
    host: '127.0.0.1',
    port: String(server.process.port),
    useTLS: false,
    timeout: HTTP_TIMEOUT_MS,
    agent,
  })
  return { pusher, close: () => agent.destroy() }
}

export function wsUrl(server: BenchServer): string {
  return `ws://127.0.0.1:${server.process.port}/lookout/app/${TEST_APP.key}?protocol=7&client=bench&version=1`
}

/** Descriptors a server needs besides its sockets' (measured at start), plus room for the inspector and HTTP API connections. */
const SPARE_DESCRIPTORS = 60

/** Sockets the servers can take under the open-file limit, with the reason when `wanted` had to be cut down. */
export function socketBudget(wanted: number, servers: BenchServer[]): { sockets: number, note: string | null } {
  const limit = openFileLimit()
  const perNode = Math.ceil(wanted / servers.length)
  const own = Math.max(...servers.map(server => readdirSync(`/proc/${server.process.pid}/fd`).length)) + SPARE_DESCRIPTORS
  const problem = fdLimitProblem(limit, perNode + own)
  if (!problem) return { sockets: wanted, note: null }
  const sockets = (limit.soft - own) * servers.length
  return { sockets, note: `${sockets} sockets instead of ${wanted} (a server uses ${own - SPARE_DESCRIPTORS} descriptors of its own, ${SPARE_DESCRIPTORS} are kept spare): ${problem}` }
}

/**
 * One socket per server on another channel, and events published through `pusher` until every socket
 * has had one: first-use code paths are loaded before the memory baseline, and a cluster is known to
 * carry events between its nodes.
 */
export async function warmUp(servers: BenchServer[], pusher: Pusher): Promise<void> {
  const received = new Set<number>()
  const pools = servers.map((server, node) => new SubscriberPool({
    url: wsUrl(server), channelOf: () => 'bench-warmup', count: 1, batch: 1, onEvent: () => received.add(node),
  }))
  try {
    await Promise.all(pools.map(pool => pool.open()))
    const failed = pools.find(pool => pool.subscribed !== 1)
    if (failed) throw new Error(`warm-up socket failed: ${[...failed.failures.keys()].join(', ')}`)
    const deadline = Date.now() + WARM_UP_LIMIT_MS
    while (received.size < servers.length && Date.now() < deadline) {
      await pusher.trigger('bench-warmup', 'warmup', { t: Date.now() })
      await sleep(250)
    }
    if (received.size < servers.length) throw new Error(`warm-up events reached ${received.size} of ${servers.length} servers within ${WARM_UP_LIMIT_MS / 1000} s`)
  }
  finally {
    await Promise.all(pools.map(pool => pool.closeAll()))
  }
}

/** Starts load generators for `connections` sockets split over the servers and connects them, reading server memory around it. */
export async function connectFleet(
  servers: BenchServer[], options: BenchOptions,
  plan: { label: string, connections: number, channel: string, perSocket: boolean },
): Promise<{ fleet: SubscriberFleet, connect: ConnectResult, memory: MemoryResult }> {
  const before = await totalMemory(servers)
  const fleet = SubscriberFleet.start({
    urls: servers.map(wsUrl),
    connections: plan.connections,
    channel: plan.channel,
    perSocket: plan.perSocket,
    batch: options.batch,
    perProcess: SOCKETS_PER_PROCESS,
    deadline: Date.now() + CONNECT_PHASE_LIMIT_MS,
  })
  try {
    const opened = await profiled(servers[0]!.inspector, options.profileDir, plan.label, () => fleet.open())
    if (opened.subscribed === 0) throw new Error(`no socket could subscribe:${[...opened.failures].map(([reason, n]) => ` ${n}× ${reason}`).join(',')}`)
    const after = await totalMemory(servers)
    return {
      fleet,
      connect: { wanted: plan.connections, ...opened, processes: fleet.processes },
      memory: { before, after, sockets: opened.subscribed },
    }
  }
  catch (error) {
    await fleet.close().catch(() => {})
    throw error
  }
}

async function totalMemory(servers: BenchServer[]): Promise<MemoryReading> {
  const readings = await Promise.all(servers.map(server => server.memory()))
  return readings.reduce((sum, reading) => ({ rssKb: sum.rssKb + reading.rssKb, heapKb: sum.heapKb + reading.heapKb }))
}
