// Scenario ingest: the floor (a minimal script, one multi-row INSERT per 1 000 samples; then the same with the
// per-minute rollups, the rows Lookout also writes) and then Lookout's HTTP
// ingest API (batches of 1 000, 4 in flight) store the same samples (quick: 100 000; full: 1 000 000, 15 series
// over 30 days) on the chosen database; samples/s, server CPU per sample, p99 request latency, RSS and the
// Lookout / floor ratios, then the history queries' timings over that data; then gateways' readings through the
// readings ingest API (1 000 per request), readings/s and server CPU per reading; then the same samples over MQTT.
import { fork } from 'node:child_process'
import { freePort } from '../../tests/support/free-port'
import { demoEmail, login } from '../../tests/support/http-session'
import type { Session } from '../../tests/support/http-session'
import { createToken } from '../../tests/support/ingest-token'
import { startBenchServer } from '../bench-server'
import { killOnExit } from '../cleanup'
import { profiled } from '../cpu-profile'
import { BENCH_METRICS, BENCH_NODES, batchCount, benchBatch, ingestBody, SAMPLES_PER_BATCH, SERIES } from '../ingest-data'
import type { IngestPlan } from '../ingest-data'
import { ingestDatabases } from '../ingest-databases'
import { mqttBatches, publishBatches } from '../ingest-mqtt'
import { createBenchGateways, READINGS_PER_REQUEST, readingsBodies, sendReadings } from '../ingest-readings'
import type { FloorPlan, FloorReply } from '../ingest-floor-process'
import { sendBodies } from '../ingest-sender'
import type { BenchOptions } from '../options'
import { distribution } from '../percentiles'
import { readCpuTimes, readRssKb } from '../process-stats'
import type { SummaryRow } from '../summary-table'

const FLOOR_ENTRY = new URL('../ingest-floor-process.ts', import.meta.url)
const IN_FLIGHT = 4
const DAYS = 30
const DAY_MS = 86_400_000
/** Label, span and how long before the newest sample it ends: up to 7 d from raw rows, older parts from the per-minute rollups. */
const QUERY_SPANS: Array<[string, number, number]> = [
  ['1 h', 3_600_000, 0], ['1 d', DAY_MS, 0], ['7 d', 7 * DAY_MS, 0], ['30 d', 30 * DAY_MS, 0], ['90 d', 90 * DAY_MS, 0], ['400 d', 400 * DAY_MS, 0],
  ['1 d ending 20 d back', DAY_MS, 20 * DAY_MS],
]
const QUERY_RUNS = 3
/** Readings requests (1 000 readings each) of the readings phase, quick or full. */
const READINGS_REQUESTS = { quick: 100, full: 300 }

export async function ingest(options: BenchOptions): Promise<SummaryRow[]> {
  const plan: IngestPlan = { samples: options.samples ?? (options.full ? 1_000_000 : 100_000), days: DAYS, end: Date.now() - 60_000 }
  const databases = await ingestDatabases(options.database)
  console.log(`scenario ingest: ${plan.samples} samples, ${SERIES} series over ${DAYS} days, batches of 1 000, ${IN_FLIGHT} requests in flight, on ${databases.label}`)
  try {
    const floors = await runFloor({ plan, url: databases.floorUrl, dataDir: databases.floorDataDir })
    const floor = floors.raw
    const floorRate = floor.samples / floor.seconds
    const floorCpuUs = (floor.cpuSeconds * 1e6) / floor.samples
    const rolledRate = floors.withRollups.samples / floors.withRollups.seconds
    console.log(`  floor: ${floorRate.toFixed(0)} samples/s, ${floorCpuUs.toFixed(1)} µs CPU per sample (the script's process, ${(floor.systemSeconds / floor.cpuSeconds * 100).toFixed(0)} % of it in the kernel), RSS ${(floor.rssKb / 1024).toFixed(0)} MB`)
    console.log(`  floor with the per-minute rollups: ${rolledRate.toFixed(0)} samples/s, ${(floors.withRollups.cpuSeconds * 1e6 / floors.withRollups.samples).toFixed(1)} µs CPU per sample`)

    // Built before any connection to the server exists: building 1 000 bodies blocks this process for seconds (more
    // on a loaded machine), and a keep-alive connection left idle meanwhile (login's) is closed by the server after
    // its 5 s keep-alive timeout without this process noticing; the first POST sent on it then fails with
    // "fetch failed" (cause: other side closed).
    const bodies = Array.from({ length: batchCount(plan) }, (_, batch) => ingestBody(benchBatch(plan, batch)))
    const published = mqttBatches(Array.from({ length: batchCount(plan) }, (_, batch) => benchBatch(plan, batch)))
    const readingsPlan = { requests: options.full ? READINGS_REQUESTS.full : READINGS_REQUESTS.quick, gateways: IN_FLIGHT, end: plan.end }
    const readings = readingsBodies(readingsPlan)
    const mqttPort = await freePort()
    const server = await startBenchServer({ ...databases.serverEnv, RETENTION_DAYS: '400', MQTT_PORT: String(mqttPort), MQTT_MESSAGES_PER_MINUTE: '1000000000' })
    try {
      const admin = await login(server.process, demoEmail('admin', 'greenfield'))
      const token = await createToken(admin, ['ingest'], 'bench ingest')
      const rssBefore = readRssKb(server.process.pid)
      const cpuBefore = readCpuTimes(server.process.pid)
      const sent = await profiled(server.inspector, options.profileDir, `ingest ${options.database}`, () =>
        sendBodies(`${server.process.url}/api/ingest/telemetry`, token, bodies, IN_FLIGHT))
      const cpuAfter = readCpuTimes(server.process.pid)
      const cpuSeconds = cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system
      const systemShare = (cpuAfter.system - cpuBefore.system) / cpuSeconds
      const rssAfter = readRssKb(server.process.pid)
      if (sent.failures.length > 0) throw new Error(`${sent.failures.length} requests failed, first: ${sent.failures[0]}`)
      const rate = plan.samples / sent.seconds
      const cpuUs = (cpuSeconds * 1e6) / plan.samples
      const latency = distribution(sent.latencies)
      console.log(`  Lookout: ${rate.toFixed(0)} samples/s, ${cpuUs.toFixed(1)} µs server CPU per sample (${(systemShare * 100).toFixed(0)} % of it in the kernel; ${(cpuSeconds / sent.seconds * 100).toFixed(0)} % of a core), `
        + `request latency p50 ${latency.p50.toFixed(0)} ms, p99 ${latency.p99.toFixed(0)} ms; server RSS ${(rssBefore / 1024).toFixed(0)} -> ${(rssAfter / 1024).toFixed(0)} MB`)
      console.log(`  Lookout / floor: samples/s ${(rate / floorRate).toFixed(2)}x, CPU per sample ${(cpuUs / floorCpuUs).toFixed(2)}x; Lookout / floor with rollups: samples/s ${(rate / rolledRate).toFixed(2)}x`)
      await reportQueries(admin, plan)

      await createBenchGateways(admin, readingsPlan)
      const stored = await profiled(server.inspector, options.profileDir, `ingest readings ${options.database}`, () => sendReadings(server, token, readings, IN_FLIGHT))
      const readingsRate = stored.readings / stored.seconds
      console.log(`  readings (POST /api/ingest/readings, ${READINGS_PER_REQUEST} readings per request, ${IN_FLIGHT} gateways, one request in flight each): ${stored.readings} readings, `
        + `${readingsRate.toFixed(0)} readings/s, ${((stored.cpuSeconds * 1e6) / stored.readings).toFixed(1)} µs server CPU per reading, `
        + `request latency p50 ${stored.latency.p50.toFixed(0)} ms, p99 ${stored.latency.p99.toFixed(0)} ms; server RSS ${(readRssKb(server.process.pid) / 1024).toFixed(0)} MB`)

      // The same samples again, as the nodes would publish them over MQTT (stored a second time: telemetry rows have
      // no uniqueness, so nothing is refused).
      const overMqtt = await profiled(server.inspector, options.profileDir, `ingest mqtt ${options.database}`, () => publishBatches(server, mqttPort, token, published, IN_FLIGHT))
      const mqttRate = overMqtt.samples / overMqtt.seconds
      const mqttCpuUs = (overMqtt.cpuSeconds * 1e6) / overMqtt.samples
      console.log(`  MQTT (lookout/nodes/{uid}/telemetry, QoS 1, each batch of ${SAMPLES_PER_BATCH} one message per node, ${IN_FLIGHT} batches in flight): ${overMqtt.samples} samples, `
        + `${mqttRate.toFixed(0)} samples/s, ${mqttCpuUs.toFixed(1)} µs server CPU per sample, batch publish -> last PUBACK p50 ${overMqtt.latency.p50.toFixed(0)} ms, `
        + `p99 ${overMqtt.latency.p99.toFixed(0)} ms; Lookout over MQTT / floor: samples/s ${(mqttRate / floorRate).toFixed(2)}x`)
      return [
        { scenario: 'ingest', phase: `floor ${options.database}`, sockets: 0, eventsPerSecond: floorRate, serverCpuPercent: (floor.cpuSeconds / floor.seconds) * 100 },
        { scenario: 'ingest', phase: `floor+rollups ${options.database}`, sockets: 0, eventsPerSecond: rolledRate, serverCpuPercent: (floors.withRollups.cpuSeconds / floors.withRollups.seconds) * 100 },
        {
          scenario: 'ingest', phase: `Lookout ${options.database}`, sockets: IN_FLIGHT, eventsPerSecond: rate, latency, serverCpuPercent: (cpuSeconds / sent.seconds) * 100,
          target: { text: '≥ 50 % of the floor', met: rate >= floorRate / 2 },
        },
        {
          scenario: 'ingest', phase: `MQTT ${options.database}`, sockets: BENCH_NODES.length, eventsPerSecond: mqttRate, latency: overMqtt.latency,
          serverCpuPercent: (overMqtt.cpuSeconds / overMqtt.seconds) * 100, target: { text: '≥ 50 % of the floor', met: mqttRate >= floorRate / 2 },
        },
        { scenario: 'ingest', phase: `readings ${options.database}`, sockets: IN_FLIGHT, eventsPerSecond: readingsRate, latency: stored.latency, serverCpuPercent: (stored.cpuSeconds / stored.seconds) * 100 },
      ]
    }
    finally {
      await server.stop()
    }
  }
  finally {
    await databases.dispose()
  }
}

function runFloor(plan: FloorPlan): Promise<FloorReply> {
  const child = fork(FLOOR_ENTRY, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  killOnExit(child)
  return new Promise((resolve, reject) => {
    child.once('message', (message: { reply?: FloorReply, error?: string }) => message.reply ? resolve(message.reply) : reject(new Error(`floor: ${message.error}`)))
    child.once('exit', code => reject(new Error(`the floor process exited with ${code}`)))
    child.send(plan)
  })
}

/** Times the history route over each span (median of a few runs) for the first series. */
async function reportQueries(admin: Session, plan: IngestPlan): Promise<void> {
  const devices = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/devices`)).json() as { data: Array<{ id: number, uid: string, zoneId: number | null }> }
  const node = devices.data.find(device => device.uid === BENCH_NODES[0])!
  const timings: string[] = []
  for (const [label, span, back] of QUERY_SPANS) {
    const to = plan.end - back
    const path = `/api/zones/${node.zoneId}/telemetry?metric=${BENCH_METRICS[0]}&deviceId=${node.id}&from=${new Date(to - span).toISOString()}&to=${new Date(to).toISOString()}`
    const runs: number[] = []
    let samples = 0
    let points = 0
    for (let run = 0; run < QUERY_RUNS; run++) {
      const started = performance.now()
      const response = await admin.fetch(path)
      const body = await response.json() as { data: { points: Array<{ count?: number }> } }
      runs.push(performance.now() - started)
      if (response.status !== 200) throw new Error(`history over ${label}: ${response.status}`)
      samples = body.data.points.reduce((sum, point) => sum + (point.count ?? 1), 0)
      points = body.data.points.length
    }
    timings.push(`${label} ${distribution(runs).p50.toFixed(0)} ms (${samples} samples in ${points} points)`)
  }
  console.log(`  history of one series (median of ${QUERY_RUNS}): ${timings.join(', ')}; every sample stored: expected ${Math.ceil(plan.samples / SERIES)} in 30 d and beyond`)
}
