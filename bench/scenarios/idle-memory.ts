// Scenario idle: the built server, restarted on the data its first start seeded, with the simulator on (its defaults: demo tenants reporting every 2 s, the
// embedded MQTT broker, the Modbus and Teltonika simulators) and nobody connected, for M minutes (full: 10).
// RSS, V8 heap used, external and arrayBuffers are read as they are every few seconds (no forced GC: what the
// operator's box sees), then once more after full GCs. Target: RSS at the end <= 250 MB on the embedded database.
import { startBenchServer } from '../bench-server'
import { sleep } from '../clock'
import { ingestDatabases } from '../ingest-databases'
import type { BenchOptions } from '../options'
import { readRssKb } from '../process-stats'
import type { SummaryRow } from '../summary-table'

const TARGET_MB = 250
/** Readings printed over the run (plus the first). */
const READINGS = 20
const MB = 2 ** 20

export async function idleMemory(options: BenchOptions): Promise<SummaryRow[]> {
  const minutes = options.minutes ?? (options.full ? 10 : 2)
  const storage = await ingestDatabases(options.database)
  const env = { ...storage.serverEnv, SIMULATOR: 'on' }
  // A first start creates and seeds the database (initdb's memory stays with that process); the figures are
  // those of the server restarted on its data, as a site runs day to day.
  await (await startBenchServer(env)).stop()
  const server = await startBenchServer(env)
  try {
    console.log(`scenario idle: the server restarted with the simulator on, nobody connected, for ${minutes} min on ${storage.label} (server pid ${server.process.pid})`)
    console.log('  min    RSS MB  heap used MB  external MB  arrayBuffers MB')
    const started = Date.now()
    const stepMs = Math.max(1000, (minutes * 60_000) / READINGS)
    let rssMb = 0
    for (let reading = 0; reading <= READINGS; reading++) {
      await sleep(Math.max(0, started + reading * stepMs - Date.now()))
      const usage = await server.inspector.processMemory()
      rssMb = readRssKb(server.process.pid) / 1024
      console.log(`  ${((Date.now() - started) / 60_000).toFixed(1).padStart(4)}  ${rssMb.toFixed(0).padStart(8)}  ${(usage.heapUsed / MB).toFixed(1).padStart(12)}  `
        + `${(usage.external / MB).toFixed(1).padStart(11)}  ${(usage.arrayBuffers / MB).toFixed(1).padStart(15)}`)
    }
    const settled = await server.memory()
    console.log(`  after full GCs: RSS ${(settled.rssKb / 1024).toFixed(0)} MB, heap used + external ${(settled.heapKb / 1024).toFixed(0)} MB`)
    const cpu = server.cpuSeconds()
    console.log(`  server CPU ${cpu.toFixed(1)} s over the run (start included)`)
    return [{
      scenario: 'idle',
      phase: `${minutes} min, simulator on`,
      sockets: 0,
      target: { text: `RSS ${rssMb.toFixed(0)} MB <= ${TARGET_MB} MB`, met: rssMb <= TARGET_MB },
    }]
  }
  finally {
    await server.stop()
    await storage.dispose()
  }
}
