// `npm run bench`: N WebSocket subscribers on one channel of a separately started server, events published over HTTP at a fixed rate; prints delivery latency, deliveries per second and server memory per connection.
import { Agent } from 'node:http'
import Pusher from 'pusher'
import type { ServerProcess } from '../tests/support/server-process'
import { startServer, TEST_APP } from '../tests/support/server-process'
import { nowMs, sleep } from './clock'
import { DeliveryLog } from './delivery-log'
import { fdLimitProblem, openFileLimit } from './fd-limit'
import { publishAtFixedRate } from './fixed-rate-publisher'
import type { BenchOptions } from './options'
import { parseOptions, USAGE } from './options'
import { readCpuSeconds, readRssKb } from './process-stats'
import type { BenchResult } from './report'
import { reportLines, summaryLine } from './report'
import { SubscriberPool } from './ws-subscribers'

const EVENT = 'tick'
const STRAGGLER_WAIT_MS = 2_000
const CONNECT_PHASE_LIMIT_MS = 120_000
const HTTP_TIMEOUT_MS = 5_000
const SETTLE_MS = 1_000

/** Parses the options, checks the open-file limit, runs the benchmark against a fresh server; returns the exit code. */
async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE)
    return 0
  }
  let options: BenchOptions
  try {
    options = parseOptions(argv, process.env)
  }
  catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`)
    return 2
  }
  const limit = openFileLimit()
  const needed = options.connections + 100
  const problem = fdLimitProblem(limit, needed)
  if (problem) {
    console.error(`bench: ${problem}`)
    return 2
  }
  const events = Math.max(1, Math.round(options.rate * options.seconds))
  if (events * options.connections > 10_000_000) {
    console.warn(`bench: ${events * options.connections} deliveries are kept in memory until the end (about 250 bytes each)`)
  }

  // Every subscriber comes from 127.0.0.1, so the per-address connection limit is lifted.
  const server = await startServer({ LOOKOUT_MAX_CONNECTIONS_PER_IP: '0' })
  // Whatever ends this process (a crash, EPIPE, process.exit) must not leave the server running.
  const killServer = () => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
  }
  process.once('exit', killServer)
  console.log(`fan-out benchmark: ${options.connections} connections on "${options.channel}", ${options.rate} events/s for ${options.seconds} s`
    + ` (${events} events); server pid ${server.pid} on 127.0.0.1:${server.port}, load generator pid ${process.pid}; `
    + `open-file limit ${limit.soft} (needs ${needed})`)
  const budgetMs = 30_000 + CONNECT_PHASE_LIMIT_MS + options.seconds * 1000 + HTTP_TIMEOUT_MS + STRAGGLER_WAIT_MS + 40_000
  const watchdog = setTimeout(() => {
    console.error(`bench: overall limit of ${Math.round(budgetMs / 1000)} s reached; stopping the server`)
    void server.stop().finally(() => process.exit(1))
  }, budgetMs)
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`bench: ${signal}; stopping the server`)
    void server.stop().finally(() => process.exit(130))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const result = await run(server, options, events)
    console.log('')
    for (const line of reportLines(result)) console.log(line)
    console.log(summaryLine(result))
    return result.deliveries.received > 0 ? 0 : 1
  }
  catch (error) {
    console.error(`bench failed: ${(error as Error).message}`)
    console.error(`last server output:\n${server.output().slice(-2000)}`)
    return 1
  }
  finally {
    clearTimeout(watchdog)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await server.stop()
    process.off('exit', killServer)
  }
}

/** Connects, measures memory, publishes, waits for stragglers, closes the sockets; returns every figure. */
async function run(server: ServerProcess, options: BenchOptions, events: number): Promise<BenchResult> {
  const agent = new Agent({ keepAlive: true })
  const pusher = new Pusher({
    appId: TEST_APP.id,
    key: TEST_APP.key,
    secret: TEST_APP.secret,
    host: '127.0.0.1',
    port: String(server.port),
    useTLS: false,
    timeout: HTTP_TIMEOUT_MS,
    agent,
  })
  const url = `ws://127.0.0.1:${server.port}/app/${TEST_APP.key}?protocol=7&client=bench&version=1`
  const log = new DeliveryLog(options.channel, EVENT, options.connections, events)
  const pool = new SubscriberPool({
    url,
    channel: options.channel,
    count: options.connections,
    batch: options.batch,
    onEvent: (index, text, receivedAt) => log.record(index, text, receivedAt),
    deadline: Date.now() + CONNECT_PHASE_LIMIT_MS,
  })
  try {
    await warmUp(pusher, url)
    await sleep(SETTLE_MS)
    const rssBefore = readRssKb(server.pid)

    const connectStart = nowMs()
    await pool.open()
    const connectSeconds = (nowMs() - connectStart) / 1000
    if (pool.subscribed === 0) throw new Error(`no socket could subscribe: ${[...pool.failures].map(([reason, n]) => `${n}× ${reason}`).join(', ')}`)
    console.log(`subscribed ${pool.subscribed}/${options.connections} sockets in ${connectSeconds.toFixed(2)} s; publishing for ${options.seconds} s ...`)
    await sleep(SETTLE_MS)
    const rssAfterConnect = readRssKb(server.pid)

    const serverCpuStart = readCpuSeconds(server.pid)
    const generatorCpuStart = process.cpuUsage()
    const phaseStart = nowMs()
    const publish = await publishAtFixedRate(pusher, { channel: options.channel, event: EVENT, rate: options.rate, count: events })
    const expected = publish.acknowledgedCount * pool.subscribed
    const waitStart = nowMs()
    while (log.frames < expected && nowMs() - waitStart < STRAGGLER_WAIT_MS) await sleep(10)
    const stragglerWaitMs = nowMs() - waitStart
    const phaseSeconds = (nowMs() - phaseStart) / 1000
    const serverCpuSeconds = readCpuSeconds(server.pid) - serverCpuStart
    const generatorCpu = process.cpuUsage(generatorCpuStart)
    const rssAfterPublish = readRssKb(server.pid)

    return {
      options,
      server: { pid: server.pid, port: server.port },
      connect: { subscribed: pool.subscribed, failures: pool.failures, seconds: connectSeconds },
      rssKb: { before: rssBefore, afterConnect: rssAfterConnect, afterPublish: rssAfterPublish },
      publish,
      deliveries: log.analyse(publish),
      expected,
      phase: { seconds: phaseSeconds, serverCpuSeconds, generatorCpuSeconds: (generatorCpu.user + generatorCpu.system) / 1e6, stragglerWaitMs },
      sockets: { dropped: pool.dropped, protocolErrors: pool.protocolErrors, pongsSent: pool.pongsSent },
    }
  }
  finally {
    await pool.closeAll()
    agent.destroy()
  }
}

/** One socket and one event on another channel, so first-use code paths are loaded before the memory baseline. */
async function warmUp(pusher: Pusher, url: string): Promise<void> {
  let received = false
  const pool = new SubscriberPool({ url, channel: 'bench-warmup', count: 1, batch: 1, onEvent: () => (received = true) })
  try {
    await pool.open()
    if (pool.subscribed !== 1) throw new Error(`warm-up socket failed: ${[...pool.failures.keys()].join(', ')}`)
    await pusher.trigger('bench-warmup', 'warmup', { t: Date.now() })
    const deadline = Date.now() + STRAGGLER_WAIT_MS
    while (!received && Date.now() < deadline) await sleep(10)
    if (!received) throw new Error('warm-up event was not delivered within 2 s')
  }
  finally {
    await pool.closeAll()
  }
}

const code = await main(process.argv.slice(2))
process.exitCode = code
// Anything still holding the event loop open must not keep a finished benchmark alive.
setTimeout(() => process.exit(code), 5_000).unref()
