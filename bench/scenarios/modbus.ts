// Scenario modbus: N Modbus TCP devices on loopback (full: 200) × 20 registers, polled every second by the server
// for S seconds (full: 60). Cycle time = a device answering the cycle's first read -> its `reading.new` reaching a
// subscriber (read, decode, store, broadcast); every cycle should complete within its 1 s interval. Readings stored
// (counted in the database afterwards) must equal the registers the devices answered; server CPU per register read.
import { rmSync } from 'node:fs'
import type PusherJs from 'pusher-js'
import { pusherClient, serverSdk } from '../../tests/support/clients'
import { startBenchServer } from '../bench-server'
import { nowMs, sleep } from '../clock'
import { fdLimitProblem, openFileLimit } from '../fd-limit'
import { ModbusDeviceFleet } from '../modbus-devices'
import { modbusDataDir, storedReadings } from '../modbus-world'
import type { BenchOptions } from '../options'
import { distribution } from '../percentiles'
import type { SummaryRow } from '../summary-table'

const REGISTERS = 20
const INTERVAL_MS = 1000
/** Private channels per subscriber socket (the server allows 500). */
const CHANNELS_PER_SOCKET = 400
const FIRST_CYCLE_LIMIT_MS = 60_000
const DRAIN_QUIET_MS = 3 * INTERVAL_MS
const DRAIN_LIMIT_MS = 30_000

export async function modbus(options: BenchOptions): Promise<SummaryRow[]> {
  const count = options.connections ?? (options.full ? 200 : 50)
  const seconds = options.seconds ?? (options.full ? 60 : 10)
  const problem = fdLimitProblem(openFileLimit(), 2 * count + 200)
  if (problem) throw new Error(problem)
  const fleet = new ModbusDeviceFleet(count, REGISTERS)
  const ports = await fleet.start()
  const world = await modbusDataDir(ports, REGISTERS, INTERVAL_MS)
  const server = await startBenchServer({ DATA_DIR: world.dataDir, SIMULATOR: 'off' })
  const browsers: PusherJs[] = []
  let serverStopped = false
  try {
    console.log(`scenario modbus: ${count} Modbus TCP devices × ${REGISTERS} registers, polled every ${INTERVAL_MS} ms for ${seconds} s (server pid ${server.process.pid})`)
    const sdk = serverSdk(server.process)
    let measuring = false
    const cycles: number[] = []
    const startGaps: number[] = []
    const lastStart: Array<number | null> = ports.map(() => null)
    const seen = new Set<number>()
    let deliveredGood = 0
    let lastGoodAt = nowMs()
    /** Failed point reads while the devices were on, by error. */
    const failures = new Map<string, number>()
    let devicesOn = true
    world.gatewayIds.forEach((gatewayId, index) => {
      if (index % CHANNELS_PER_SOCKET === 0) browsers.push(pusherClient(server.process, sdk))
      browsers.at(-1)!.subscribe(`private-gateway.${gatewayId}`).bind('reading.new', (payload: { readings: Array<{ quality: string, error?: string }> }) => {
        const receivedAt = nowMs()
        for (const reading of payload.readings) {
          // By kind of error: the devices' ports would make each one its own line.
          const kind = reading.error?.replace(/127\.0\.0\.1:\d+/, 'a device')
          if (devicesOn && kind !== undefined) failures.set(kind, (failures.get(kind) ?? 0) + 1)
        }
        if (payload.readings.some(reading => reading.quality === 'good')) lastGoodAt = receivedAt
        const startedAt = fleet.cycleDone(index)
        seen.add(index)
        if (!measuring || startedAt === null) return
        cycles.push(receivedAt - startedAt)
        const previous = lastStart[index] ?? null
        if (previous !== null) startGaps.push(startedAt - previous)
        lastStart[index] = startedAt
        deliveredGood += payload.readings.filter(reading => reading.quality === 'good').length
      })
    })
    for (const started = Date.now(); seen.size < count; await sleep(200)) {
      if (Date.now() - started > FIRST_CYCLE_LIMIT_MS) throw new Error(`only ${seen.size} of ${count} gateways delivered readings within ${FIRST_CYCLE_LIMIT_MS / 1000} s`)
    }
    measuring = true
    const cpuBefore = server.cpuSeconds()
    const readBefore = fleet.registersRead
    const phaseStart = Date.now()
    await sleep(seconds * 1000)
    measuring = false
    const elapsed = (Date.now() - phaseStart) / 1000
    const cpu = server.cpuSeconds() - cpuBefore
    const registersInPhase = fleet.registersRead - readBefore
    // Devices off first, so no read is answered after the count; then the cycles in flight finish (no good
    // reading for a few intervals: the polls after that only find the devices gone).
    devicesOn = false
    await fleet.stop()
    const answered = fleet.registersRead
    for (const stoppedAt = nowMs(); nowMs() - lastGoodAt < DRAIN_QUIET_MS && nowMs() - stoppedAt < DRAIN_LIMIT_MS;) await sleep(200)
    await server.stop()
    serverStopped = true
    const stored = await storedReadings(world.dataDir, world.gatewayIds, 'good')
    const cycle = distribution(cycles)
    const gaps = distribution(startGaps)
    const late = cycles.filter(ms => ms > INTERVAL_MS).length
    console.log(`  ${cycles.length} cycles in ${elapsed.toFixed(1)} s (${(cycles.length / elapsed).toFixed(0)}/s, expected ${count}/s); cycle time p50 ${cycle.p50.toFixed(1)} ms, p99 ${cycle.p99.toFixed(1)} ms, max ${cycle.max.toFixed(1)} ms; ${late} over ${INTERVAL_MS} ms`)
    console.log(`  start-to-start of one gateway's cycles: p50 ${gaps.p50.toFixed(0)} ms, p99 ${gaps.p99.toFixed(0)} ms, max ${gaps.max.toFixed(0)} ms`)
    console.log(`  registers answered by the devices ${answered} (in the phase ${registersInPhase}); readings stored (good) ${stored}; good readings broadcast in the phase ${deliveredGood}`)
    console.log(`  failed point reads while the devices were on: ${failures.size === 0 ? 'none' : [...failures].map(([error, n]) => `${n}× ${error}`).join('; ')}`)
    console.log(`  server CPU ${cpu.toFixed(1)} s = ${(cpu / elapsed * 100).toFixed(0)}% of one core, ${(cpu * 1e6 / Math.max(1, registersInPhase)).toFixed(0)} µs per register read`)
    return [{
      scenario: 'modbus',
      phase: `${REGISTERS} reg × 1/s`,
      sockets: count,
      eventsPerSecond: registersInPhase / elapsed,
      latency: cycle,
      serverCpuPercent: (cpu / elapsed) * 100,
      target: { text: `every cycle < ${INTERVAL_MS} ms, stored = answered`, met: late === 0 && cycles.length > 0 && stored === answered },
    }]
  }
  finally {
    for (const browser of browsers) browser.disconnect()
    await fleet.stop()
    if (!serverStopped) await server.stop()
    rmSync(world.dataDir, { recursive: true, force: true })
  }
}
