// Scenario mqtt: 1 000 MQTT devices (quick: 100) × 10 messages/s for 60 s (quick: 10 s) into the embedded broker:
// messages stored per second (QoS 1 acknowledgements: a message is acknowledged once stored), publish ->
// browser-event latency (the sample's value is its publish time; the browser gets it in `telemetry.batch.updated`),
// and server CPU per message, on the embedded database or (--database postgres) PostgreSQL.
import { fork } from 'node:child_process'
import type PusherJs from 'pusher-js'
import { pusherClient, serverSdk } from '../../tests/support/clients'
import { freePort } from '../../tests/support/free-port'
import { demoEmail, login } from '../../tests/support/http-session'
import { createToken } from '../../tests/support/ingest-token'
import { startBenchServer } from '../bench-server'
import { killOnExit } from '../cleanup'
import { profiled } from '../cpu-profile'
import { ingestDatabases } from '../ingest-databases'
import type { PublisherPlan, PublisherReply } from '../mqtt-publisher-process'
import type { BenchOptions } from '../options'
import { distribution } from '../percentiles'
import type { SummaryRow } from '../summary-table'

const ENTRY = new URL('../mqtt-publisher-process.ts', import.meta.url)
/** Devices per load-generator process. */
const PER_PROCESS = 250

export async function mqtt(options: BenchOptions): Promise<SummaryRow[]> {
  const clients = options.connections ?? (options.full ? 1000 : 100)
  const rate = options.rate ?? 10
  const seconds = options.seconds ?? (options.full ? 60 : 10)
  const port = await freePort()
  const databases = await ingestDatabases(options.database)
  const server = await startBenchServer({ ...databases.serverEnv, MQTT_PORT: String(port), MQTT_MESSAGES_PER_MINUTE: '1000000000' }).catch(async (error: unknown) => {
    await databases.dispose()
    throw error
  })
  let browser: PusherJs | null = null
  try {
    const admin = await login(server.process, demoEmail('admin', 'greenfield'))
    const token = await createToken(admin, ['ingest'], 'bench devices')
    const devices = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/devices`)).json() as { data: Array<{ uid: string, zoneId: number | null }> }
    const zoned = devices.data.filter(device => device.zoneId !== null)
    console.log(`scenario mqtt: ${clients} devices × ${rate} messages/s for ${seconds} s, QoS 1, over ${zoned.length} nodes, ${databases.label} (server pid ${server.process.pid}, MQTT port ${port})`)
    const latencies: number[] = []
    browser = pusherClient(server.process, serverSdk(server.process))
    for (const zoneId of new Set(zoned.map(device => device.zoneId!))) {
      browser.subscribe(`private-zone.${zoneId}`).bind('telemetry.batch.updated', (batch: { samples: Array<{ metric: string, value: number }> }) => {
        const now = Date.now()
        for (const sample of batch.samples) if (sample.metric === 'bench') latencies.push(now - sample.value)
      })
    }
    const processes = Math.ceil(clients / PER_PROCESS)
    const plans: PublisherPlan[] = Array.from({ length: processes }, (_, index) => ({
      url: `mqtt://127.0.0.1:${port}`, token, topics: zoned.map(device => `lookout/nodes/${device.uid}/telemetry`),
      clients: Math.floor(clients / processes) + (index < clients % processes ? 1 : 0), rate, seconds, batch: options.batch,
    }))
    const children = plans.map(() => fork(ENTRY, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }))
    children.forEach(killOnExit)
    await Promise.all(children.map((child, index) => new Promise((resolve) => {
      child.once('message', resolve)
      child.send(plans[index]!)
    })))
    const cpuBefore = server.cpuSeconds()
    const startedAt = Date.now()
    const replies = await profiled(server.inspector, options.profileDir, `mqtt ${clients} × ${rate}/s`, () => Promise.all(children.map(child => new Promise<PublisherReply>((resolve, reject) => {
      child.once('message', (message: { reply?: PublisherReply, error?: string }) => message.reply ? resolve(message.reply) : reject(new Error(message.error)))
      child.send('go')
    }))))
    const elapsed = (Date.now() - startedAt) / 1000
    const cpu = server.cpuSeconds() - cpuBefore
    await new Promise(resolve => setTimeout(resolve, 2000))
    const sent = replies.reduce((sum, reply) => sum + reply.sent, 0)
    const acked = replies.reduce((sum, reply) => sum + reply.acked, 0)
    const perSecond = Array.from({ length: Math.max(...replies.map(reply => reply.ackedPerSecond.length)) }, (_, second) => replies.reduce((sum, reply) => sum + (reply.ackedPerSecond[second] ?? 0), 0))
    const latency = distribution(latencies)
    const failed = replies.reduce((sum, reply) => sum + reply.failed, 0)
    console.log(`  connected ${replies.reduce((sum, reply) => sum + reply.connected, 0)}, sent ${sent}, stored (acknowledged) ${acked}, failed ${failed}, still unacknowledged when the clients stopped waiting ${sent - acked - failed}, in ${elapsed.toFixed(1)} s`)
    console.log(`  stored/s per second of the run: ${perSecond.join(' ')}`)
    console.log(`  stored/s overall ${(acked / elapsed).toFixed(0)} (offered ${(clients * rate).toFixed(0)}); browser events: ${latency.count} samples, latency p50 ${latency.p50.toFixed(0)} ms, p99 ${latency.p99.toFixed(0)} ms (includes TELEMETRY_BATCH_MS)`)
    console.log(`  server CPU ${(cpu / elapsed * 100).toFixed(0)} % of a core, ${(cpu / Math.max(1, acked) * 1e6).toFixed(0)} µs per stored message`)
    return [{
      scenario: 'mqtt',
      phase: `${rate}/s QoS 1`,
      sockets: clients,
      eventsPerSecond: acked / elapsed,
      deliveriesPerSecond: latency.count / elapsed,
      latency,
      serverCpuPercent: (cpu / elapsed) * 100,
      target: { text: `${clients * rate} stored/s`, met: acked / elapsed >= clients * rate * 0.95 },
    }]
  }
  finally {
    browser?.disconnect()
    await server.stop()
    await databases.dispose()
  }
}
