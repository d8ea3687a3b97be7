// The ingest scenario's readings phase: gateways' register values through POST /api/ingest/readings, 1 000 readings
// per request (a gateway's buffered polls of its data points), a fixed number of requests in flight, each on a
// gateway of its own; readings/s, server CPU per reading, p99 request latency.
import type { Session } from '../tests/support/http-session'
import type { BenchServer } from './bench-server'
import { sendBodies } from './ingest-sender'
import { distribution } from './percentiles'
import type { Distribution } from './percentiles'
import { readCpuTimes } from './process-stats'

/** Data points per bench gateway; a request carries READINGS_PER_REQUEST / POINTS rounds of all of them. */
const POINTS = 50
export const READINGS_PER_REQUEST = 1000

export interface ReadingsPlan {
  /** Requests to send, each of READINGS_PER_REQUEST readings. */
  requests: number
  /** Gateways, one per request in flight, so requests do not queue on one gateway's row lock. */
  gateways: number
  /** Time of the newest reading, ms since the epoch. */
  end: number
}

export interface ReadingsResult {
  readings: number
  seconds: number
  cpuSeconds: number
  latency: Distribution
}

const serialOf = (gateway: number) => `BENCH-GW-${gateway + 1}`

/** The request bodies: request `n` to gateway n mod gateways, a second between rounds, the last reading at `end`. */
export function readingsBodies(plan: ReadingsPlan): string[] {
  const rounds = READINGS_PER_REQUEST / POINTS
  const totalRounds = plan.requests * rounds
  return Array.from({ length: plan.requests }, (_, request) => JSON.stringify({
    gateway: serialOf(request % plan.gateways),
    readings: Array.from({ length: READINGS_PER_REQUEST }, (_, index) => {
      const round = request * rounds + Math.floor(index / POINTS)
      return { register: index % POINTS, raw: (round + index) % 1000, at: new Date(plan.end - (totalRounds - 1 - round) * 1000).toISOString() }
    }),
  }))
}

/** Creates the plan's gateways (push connection) with their data points through the settings API, as an admin would. */
export async function createBenchGateways(admin: Session, plan: ReadingsPlan): Promise<void> {
  for (let gateway = 0; gateway < plan.gateways; gateway++) {
    const created = await admin.fetch(`/api/tenants/${admin.user.tenantId}/gateways`, { method: 'POST', body: JSON.stringify({ name: `Bench gateway ${gateway + 1}`, serial: serialOf(gateway) }) })
    if (created.status !== 201) throw new Error(`creating gateway ${serialOf(gateway)}: ${created.status} ${await created.text()}`)
    const { data } = await created.json() as { data: { id: number } }
    for (let register = 0; register < POINTS; register++) {
      const point = await admin.fetch(`/api/gateways/${data.id}/data-points`, { method: 'POST', body: JSON.stringify({ register, label: `Register ${register}`, scale: 0.1 }) })
      if (point.status !== 201) throw new Error(`creating data point ${register} of ${serialOf(gateway)}: ${point.status} ${await point.text()}`)
    }
  }
}

/** Sends `bodies` (from readingsBodies) with `token`; throws on the first failed request. */
export async function sendReadings(server: BenchServer, token: string, bodies: string[], inFlight: number): Promise<ReadingsResult> {
  const before = readCpuTimes(server.process.pid)
  const sent = await sendBodies(`${server.process.url}/api/ingest/readings`, token, bodies, inFlight, 'bench-readings')
  const after = readCpuTimes(server.process.pid)
  if (sent.failures.length > 0) throw new Error(`${sent.failures.length} readings requests failed, first: ${sent.failures[0]}`)
  return {
    readings: bodies.length * READINGS_PER_REQUEST,
    seconds: sent.seconds,
    cpuSeconds: after.user + after.system - before.user - before.system,
    latency: distribution(sent.latencies),
  }
}
