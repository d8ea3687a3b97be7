// `npm run soak`: the server with its simulator at a high rate while clients connect and disconnect without pause,
// for a bounded time; samples its RSS, V8 heap and open descriptors before, during and after the clients, and
// says whether memory and descriptors came back to the baseline. Not part of `npm test`.
import type Pusher from 'pusher'
import { serverSdk } from '../tests/support/clients'
import { demoEmail, login } from '../tests/support/http-session'
import type { ServerProcess } from '../tests/support/server-process'
import { startServer } from '../tests/support/server-process'
import { sleep } from './clock'
import type { SoakChannels } from './soak-clients'
import { ClientChurn } from './soak-clients'
import type { SoakOptions } from './soak-options'
import { parseSoakOptions, SOAK_USAGE } from './soak-options'
import type { ProcessSample } from './soak-sampler'
import { median, ProcessSampler } from './soak-sampler'

/** How far "after" may sit above the baseline and still count as returned: RSS and heap, relative and absolute. */
const RSS_TOLERANCE = { ratio: 0.15, mb: 40 }
const HEAP_TOLERANCE = { ratio: 0.25, mb: 10 }
const FD_TOLERANCE = 4
const WARM_UP_MS = 15_000
const SETTLE_SAMPLES = 5

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(SOAK_USAGE)
    return 0
  }
  let options: SoakOptions
  try {
    options = parseSoakOptions(argv, process.env)
  }
  catch (error) {
    console.error(`soak: ${(error as Error).message}\n${SOAK_USAGE}`)
    return 2
  }
  const sampler = new ProcessSampler()
  const server = await startServer({ LOOKOUT_MAX_CONNECTIONS_PER_IP: '0', SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: String(options.interval), SIMULATOR_SEED: '7', NODE_OPTIONS: sampler.nodeOptions })
  // Whatever ends this process must not leave the server running.
  const killServer = () => {
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL')
  }
  process.once('exit', killServer)
  const quick = options.minutes <= 2
  const budgetMs = options.minutes * 60_000 + 5 * 60_000
  const watchdog = setTimeout(() => {
    console.error(`soak: overall limit of ${Math.round(budgetMs / 60_000)} min reached; stopping the server`)
    void server.stop().finally(() => process.exit(1))
  }, budgetMs)
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`soak: ${signal}; stopping the server`)
    void server.stop().finally(() => process.exit(130))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    return await run(server, serverSdk(server), sampler, options, quick)
  }
  catch (error) {
    console.error(`soak failed: ${(error as Error).message}`)
    console.error(`last server output:\n${server.output().slice(-2000)}`)
    return 1
  }
  finally {
    clearTimeout(watchdog)
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    await server.stop()
    sampler.dispose()
    process.off('exit', killServer)
  }
}

async function run(server: ServerProcess, sdk: Pusher, sampler: ProcessSampler, options: SoakOptions, quick: boolean): Promise<number> {
  const sampleEveryMs = quick ? 10_000 : 30_000
  const settleMs = quick ? 15_000 : 30_000
  const channels = await demoChannels(server)
  console.log(`soak: ${options.minutes} min of ${options.clients} clients coming and going (pusher-js private, pusher-js presence, raw sockets dropped abruptly; `
    + `each lives 2-20 s) on ${channels.private.length} private and ${channels.presence.length} presence channels; simulator every ${options.interval} ms; `
    + `server pid ${server.pid} on 127.0.0.1:${server.port}`)

  // A first round of clients loads every code path before the baseline is taken.
  const warmUp = new ClientChurn(server, sdk, channels, Math.min(options.clients, 20))
  warmUp.start()
  await sleep(WARM_UP_MS)
  warmUp.stop()
  await untilNoConnections(server)
  await sleep(settleMs)
  const baseline = await settledSamples(server, sampler)
  printHeader()
  for (const sample of baseline) printSample('baseline', sample, 0, 0)

  const churn = new ClientChurn(server, sdk, channels, options.clients)
  churn.start()
  const peak = { rssMb: 0, heapUsedMb: 0, fds: 0, connections: 0 }
  const end = Date.now() + options.minutes * 60_000
  while (Date.now() < end) {
    await sleep(Math.min(sampleEveryMs, end - Date.now()))
    const sample = await sampler.sample(server.pid)
    const connections = await serverConnections(server)
    peak.rssMb = Math.max(peak.rssMb, sample.rssMb)
    peak.heapUsedMb = Math.max(peak.heapUsedMb, sample.heapUsedMb)
    peak.fds = Math.max(peak.fds, sample.fds)
    peak.connections = Math.max(peak.connections, connections)
    printSample('clients', sample, connections, churn.stats.events)
  }
  churn.stop()
  const drainedIn = await untilNoConnections(server)
  await sleep(settleMs)
  const after = await settledSamples(server, sampler)
  for (const sample of after) printSample('after', sample, 0, churn.stats.events)

  const base = summary(baseline)
  const rest = summary(after)
  const rssOk = rest.rssMb <= base.rssMb * (1 + RSS_TOLERANCE.ratio) || rest.rssMb - base.rssMb <= RSS_TOLERANCE.mb
  const heapOk = rest.heapUsedMb <= base.heapUsedMb * (1 + HEAP_TOLERANCE.ratio) || rest.heapUsedMb - base.heapUsedMb <= HEAP_TOLERANCE.mb
  const fdsOk = rest.fds <= base.fds + FD_TOLERANCE
  const { stats } = churn
  const sessions = [...stats.opened.values()].reduce((sum, n) => sum + n, 0)
  console.log('')
  console.log(`sessions:    ${sessions} opened (${[...stats.opened].map(([kind, n]) => `${n} ${kind}`).join(', ')}), ${stats.subscribed} fully subscribed, `
    + `${stats.cleanLeaves} left cleanly, ${stats.abruptLeaves} dropped without a close frame; peak ${peak.connections} server connections; `
    + `all gone ${(drainedIn / 1000).toFixed(1)} s after the last client left`)
  console.log(`events:      ${stats.events} received, ${stats.gaps} lost (offset holes within a session), ${stats.repeats} repeated`)
  console.log(`errors:      ${stats.errors.size === 0 ? 'none' : [...stats.errors].map(([code, n]) => `${n}× ${code}`).join(', ')}`)
  console.log(`peak:        RSS ${mb(peak.rssMb)}, heap used ${mb(peak.heapUsedMb)}, ${peak.fds} fds`)
  console.log(`RSS:         baseline ${mb(base.rssMb)} -> after ${mb(rest.rssMb)} (medians): ${rssOk ? 'returned' : 'NOT returned'} `
    + `(tolerance +${RSS_TOLERANCE.ratio * 100}% or +${RSS_TOLERANCE.mb} MB)`)
  console.log(`heap used:   baseline ${mb(base.heapUsedMb)} -> after ${mb(rest.heapUsedMb)} (lowest): ${heapOk ? 'returned' : 'NOT returned'} `
    + `(tolerance +${HEAP_TOLERANCE.ratio * 100}% or +${HEAP_TOLERANCE.mb} MB)`)
  console.log(`open fds:    baseline ${base.fds} -> after ${rest.fds} (highest): ${fdsOk ? 'returned' : 'NOT returned'} (tolerance +${FD_TOLERANCE})`)
  const ok = rssOk && heapOk && fdsOk && stats.gaps === 0
  console.log(`SOAK ${ok ? 'OK' : 'FAILED'} minutes=${options.minutes} clients=${options.clients} sessions=${sessions} events=${stats.events} lost=${stats.gaps} `
    + `rss_mb=${base.rssMb.toFixed(1)}->${rest.rssMb.toFixed(1)} heap_mb=${base.heapUsedMb.toFixed(1)}->${rest.heapUsedMb.toFixed(1)} fds=${base.fds}->${rest.fds}`)
  return ok ? 0 : 1
}

/** The demo tenants' zone, gateway, vehicle and tenant channels, as their admins see them through REST. */
async function demoChannels(server: ServerProcess): Promise<SoakChannels> {
  const channels: SoakChannels = { private: [], presence: [] }
  for (const tenant of ['greenfield', 'northwind'] as const) {
    const admin = await login(server, demoEmail('admin', tenant))
    const t = admin.user.tenantId
    const ids = async (resource: string) => ((await (await admin.fetch(`/api/tenants/${t}/${resource}`)).json()) as { data: Array<{ id: number }> }).data.map(row => row.id)
    for (const zone of await ids('zones')) {
      channels.private.push(`private-zone.${zone}`, `private-zone.${zone}.commands`)
      channels.presence.push(`presence-zone.${zone}`)
    }
    for (const gateway of await ids('gateways')) channels.private.push(`private-gateway.${gateway}`)
    for (const vehicle of await ids('vehicles')) channels.private.push(`private-vehicle.${vehicle}`)
    for (const stream of ['alerts', 'events', 'commands', 'devices', 'gateways', 'fleet']) channels.private.push(`private-tenant.${t}.${stream}`)
  }
  return channels
}

/** Open sockets as the server counts them (`/api/health`). */
async function serverConnections(server: ServerProcess): Promise<number> {
  return (await (await fetch(`${server.url}/api/health`)).json() as { realtime: { connections: number } }).realtime.connections
}

/** Waits (at most 60 s) until the server has no socket left; returns how long that took. */
async function untilNoConnections(server: ServerProcess): Promise<number> {
  const started = Date.now()
  while (await serverConnections(server) > 0) {
    if (Date.now() - started > 60_000) throw new Error('the server still counts open sockets 60 s after every client left')
    await sleep(200)
  }
  return Date.now() - started
}

/** A few samples 5 s apart, once things have settled. */
async function settledSamples(server: ServerProcess, sampler: ProcessSampler): Promise<ProcessSample[]> {
  const samples: ProcessSample[] = []
  for (let i = 0; i < SETTLE_SAMPLES; i++) {
    if (i > 0) await sleep(5_000)
    samples.push(await sampler.sample(server.pid))
  }
  return samples
}

/** RSS as the median, heap as the lowest (closest to after a collection), fds as the highest of some samples. */
function summary(samples: ProcessSample[]): { rssMb: number, heapUsedMb: number, fds: number } {
  return {
    rssMb: median(samples.map(sample => sample.rssMb)),
    heapUsedMb: Math.min(...samples.map(sample => sample.heapUsedMb)),
    fds: Math.max(...samples.map(sample => sample.fds)),
  }
}

function printHeader(): void {
  console.log(`${'phase'.padEnd(9)} ${'t (s)'.padStart(6)} ${'sockets'.padStart(8)} ${'RSS MB'.padStart(8)} ${'heap MB'.padStart(8)} ${'of MB'.padStart(7)} ${'fds'.padStart(5)} ${'events'.padStart(9)}`)
}

function printSample(phase: string, sample: ProcessSample, connections: number, events: number): void {
  console.log(`${phase.padEnd(9)} ${sample.at.toFixed(0).padStart(6)} ${String(connections).padStart(8)} ${sample.rssMb.toFixed(1).padStart(8)} `
    + `${sample.heapUsedMb.toFixed(1).padStart(8)} ${sample.heapTotalMb.toFixed(1).padStart(7)} ${String(sample.fds).padStart(5)} ${String(events).padStart(9)}`)
}

function mb(value: number): string {
  return `${value.toFixed(1)} MB`
}

const code = await main(process.argv.slice(2))
process.exitCode = code
// Anything still holding the event loop open must not keep a finished soak alive.
setTimeout(() => process.exit(code), 5_000).unref()
