// Scenario teltonika: N trackers (full: 5 000) connected at once, 1 Codec 8 record/s each: records/s stored,
// ack latency, server CPU per record, memory per connection.
import { rmSync } from 'node:fs'
import { startBenchServer } from '../bench-server'
import { profiled } from '../cpu-profile'
import { sleep } from '../clock'
import { fdLimitProblem, openFileLimit } from '../fd-limit'
import type { BenchOptions } from '../options'
import { distribution } from '../percentiles'
import type { SummaryRow } from '../summary-table'
import { TrackerFleet } from '../tracker-fleet'
import { benchImei, trackerDataDir } from '../tracker-world'

export async function teltonika(options: BenchOptions): Promise<SummaryRow[]> {
  const count = options.connections ?? (options.full ? 5_000 : 300)
  const seconds = options.seconds ?? (options.full ? 60 : 10)
  const problem = fdLimitProblem(openFileLimit(), count + 200)
  if (problem) throw new Error(problem)
  const dataDir = await trackerDataDir(count)
  const server = await startBenchServer({ DATA_DIR: dataDir, TELTONIKA_PORT: '0', SIMULATOR: 'off' })
  const fleet = new TrackerFleet()
  try {
    for (let waited = 0; !/Codec 8\/8E over TCP on port \d+/.test(server.process.output()); waited += 100) {
      if (waited > 30_000) throw new Error('the Teltonika listener did not start')
      await sleep(100)
    }
    const port = Number(/Codec 8\/8E over TCP on port (\d+)/.exec(server.process.output())![1])
    console.log(`scenario teltonika: ${count} trackers, 1 record/s each for ${seconds} s (server pid ${server.process.pid}, tracker port ${port})`)
    const before = await server.memory()
    const connectStart = Date.now()
    await fleet.connect(port, Array.from({ length: count }, (_, index) => benchImei(index)), options.batch)
    const connectSeconds = (Date.now() - connectStart) / 1000
    const connected = await server.memory()
    const memoryKb = (connected.rssKb - before.rssKb) / count
    const cpuBefore = server.cpuSeconds()
    const phase = await profiled(server.inspector, options.profileDir, `teltonika ${count} trackers`, () => fleet.run(seconds))
    const cpuSeconds = server.cpuSeconds() - cpuBefore
    const latency = distribution(phase.latencies)
    const recordsPerSecond = phase.acked / seconds
    console.log(`  connected in ${connectSeconds.toFixed(1)} s; RSS +${(connected.rssKb - before.rssKb).toFixed(0)} KB (${memoryKb.toFixed(2)} KB/tracker), heap +${((connected.heapKb - before.heapKb) / count).toFixed(2)} KB/tracker`)
    console.log(`  offered ${(phase.sent / seconds).toFixed(0)} records/s; ${phase.sent} records sent, ${phase.acked} acked (stored) by the end of the run and its drain (up to 30 s): ${recordsPerSecond.toFixed(0)} records/s; ack latency p50 ${latency.p50.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms, max ${latency.max.toFixed(1)} ms`)
    console.log(`  server CPU ${cpuSeconds.toFixed(1)} s = ${(cpuSeconds / seconds * 100).toFixed(0)}% of one core, ${(cpuSeconds * 1000 / Math.max(phase.acked, 1)).toFixed(3)} ms per record`)
    return [{
      scenario: 'teltonika',
      phase: '1 record/s',
      sockets: count,
      eventsPerSecond: recordsPerSecond,
      latency,
      serverCpuPercent: (cpuSeconds / seconds) * 100,
      memoryKb,
      connectSeconds,
      target: { text: 'every record acked', met: phase.acked === phase.sent },
    }]
  }
  finally {
    fleet.close()
    await server.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
