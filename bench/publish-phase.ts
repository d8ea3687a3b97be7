// One publish phase: a fresh delivery record, the publishing, a wait for stragglers, and every figure of the phase.
import type { BenchServer } from './bench-server'
import { nowMs, sleep } from './clock'
import { profiled } from './cpu-profile'
import type { PublishOutcome } from './fixed-rate-publisher'
import { readCpuSeconds } from './process-stats'
import type { NodeAnalysis, SubscriberFleet } from './subscriber-fleet'
import { mergeNodes } from './subscriber-fleet'

/** Deliveries still arriving this long after the last new frame are given up. */
const QUIET_MS = 2_000

/** Where a phase runs. */
export interface PhaseSetting {
  servers: BenchServer[]
  fleet: SubscriberFleet
  /** Another process whose CPU is reported (redis-server in scenario 4). */
  redisPid?: number
  profileDir?: string
}

/** Every figure of one phase. */
export interface PhaseResult<O extends PublishOutcome = PublishOutcome> {
  label: string
  publish: O
  /** All deliveries, and per server node when there are several. */
  total: NodeAnalysis
  nodes: NodeAnalysis[]
  expected: number
  /** Seconds the publishing was meant to take (events / rate, or the burst's length). */
  nominalSeconds: number
  /** From the first send until the last delivery arrived (or the wait for stragglers gave up). */
  seconds: number
  serverCpuSeconds: number
  generatorCpuSeconds: number
  redisCpuSeconds?: number
}

/** Publishes with `publish` while the fleet records event `event`; `expectedOf` says how many deliveries should arrive. */
export async function runPhase<O extends PublishOutcome>(
  setting: PhaseSetting,
  phase: { label: string, event: string, nominalSeconds: number },
  publish: () => Promise<O>,
  expectedOf: (outcome: O) => number,
): Promise<PhaseResult<O>> {
  const { servers, fleet, redisPid, profileDir } = setting
  await fleet.phase(phase.event)
  const serverCpu = () => servers.reduce((sum, server) => sum + server.cpuSeconds(), 0)
  const measured = await profiled(servers[0]!.inspector, profileDir, phase.label, async () => {
    const serverStart = serverCpu()
    const redisStart = redisPid === undefined ? 0 : readCpuSeconds(redisPid)
    const generatorStart = (await fleet.cpuSeconds()) + ownCpuSeconds()
    const started = nowMs()
    const outcome = await publish()
    const expected = expectedOf(outcome)
    let frames = await fleet.frames()
    let lastNew = nowMs()
    while (frames < expected && nowMs() - lastNew < QUIET_MS) {
      await sleep(20)
      const now = await fleet.frames()
      if (now > frames) lastNew = nowMs()
      frames = now
    }
    return {
      outcome,
      expected,
      seconds: (nowMs() - started) / 1000,
      serverCpuSeconds: serverCpu() - serverStart,
      redisCpuSeconds: redisPid === undefined ? undefined : readCpuSeconds(redisPid) - redisStart,
      generatorCpuSeconds: (await fleet.cpuSeconds()) + ownCpuSeconds() - generatorStart,
    }
  })
  const { outcome, expected, seconds, serverCpuSeconds, redisCpuSeconds, generatorCpuSeconds } = measured
  const nodes = await fleet.analyse(outcome)
  return {
    label: phase.label,
    publish: outcome,
    total: nodes.reduce(mergeNodes),
    nodes,
    expected,
    nominalSeconds: phase.nominalSeconds,
    seconds,
    serverCpuSeconds,
    generatorCpuSeconds,
    redisCpuSeconds,
  }
}

function ownCpuSeconds(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1e6
}
