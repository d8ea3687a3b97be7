// Turns the figures of the scenarios into printed lines: connecting, memory, each publish phase.
import type { MemoryReading } from './bench-server'
import type { PublishOutcome } from './fixed-rate-publisher'
import { distribution } from './percentiles'
import type { PhaseResult } from './publish-phase'
import type { NodeAnalysis } from './subscriber-fleet'

/** How connecting went. */
export interface ConnectResult {
  wanted: number
  subscribed: number
  failures: Map<string, number>
  seconds: number
  processes: number
}

/** Server memory (summed over the nodes) before and after connecting, after full GCs. */
export interface MemoryResult {
  before: MemoryReading
  after: MemoryReading
  sockets: number
}

/** Seconds deliveries are spread over: the nominal publishing time, or first send to last delivery if longer. */
function deliveryWindowSeconds(phase: PhaseResult): number {
  const observed = (phase.total.analysis.lastReceivedAt - phase.publish.firstSentAt) / 1000
  return Number.isFinite(observed) ? Math.max(phase.nominalSeconds, observed) : phase.nominalSeconds
}

/** Distinct deliveries per second over deliveryWindowSeconds(). */
export function deliveriesPerSecond(phase: PhaseResult): number {
  return phase.total.analysis.received / deliveryWindowSeconds(phase)
}

/** Events the HTTP API acknowledged per second, from the first send to the last answer. */
export function acceptedPerSecond(publish: PublishOutcome): number {
  const seconds = (publish.settledAt - publish.firstSentAt) / 1000
  return seconds > 0 ? publish.acknowledgedCount / seconds : Number.NaN
}

/** Server RSS growth per socket in KiB. */
export function memoryPerConnectionKb(memory: MemoryResult): number {
  return memory.sockets > 0 ? (memory.after.rssKb - memory.before.rssKb) / memory.sockets : Number.NaN
}

export function connectLine(connect: ConnectResult): string {
  return `  connections:  ${connect.subscribed} of ${connect.wanted} subscribed in ${connect.seconds.toFixed(2)} s `
    + `(${rate(connect.subscribed, connect.seconds)} per s from ${connect.processes} load-generator process${connect.processes === 1 ? '' : 'es'})${failures(connect.failures)}`
}

export function memoryLines(memory: MemoryResult): string[] {
  const { before, after, sockets } = memory
  const heapEach = sockets > 0 ? (after.heapKb - before.heapKb) / sockets : Number.NaN
  return [
    `  server RSS:   ${mb(before.rssKb)} before connecting, ${mb(after.rssKb)} with every socket subscribed (after full GCs)`,
    `  memory/conn:  ${fixed(memoryPerConnectionKb(memory), 2)} KB RSS (${mb(after.rssKb - before.rssKb)} / ${sockets} sockets); `
    + `${fixed(heapEach, 2)} KB of it JS heap + external`,
  ]
}

/** The lines of one publish phase. */
export function phaseLines(phase: PhaseResult, extra: string[] = []): string[] {
  const { publish, total, expected } = phase
  const { analysis } = total
  const http = distribution(publish.roundTripMs)
  const lost = Math.max(0, expected - analysis.received)
  const latency = distribution(analysis.endToEndMs)
  const fromServer = distribution(analysis.fromServerMs)
  const lines = [
    `  events:       ${publish.sentAt.length} sent, ${publish.acknowledgedCount} acknowledged (${fixed(acceptedPerSecond(publish), 0)}/s)${failures(publish.failures)}; `
    + `HTTP round trip p50 ${ms(http.p50)}, p99 ${ms(http.p99)}, max ${ms(http.max)}`,
    ...extra,
    `  deliveries:   expected ${expected}, received ${analysis.received}, lost ${lost} (${percent(lost, expected)}), duplicates ${analysis.duplicates}, `
    + `unexpected ${analysis.unexpected}, malformed ${analysis.malformed}, other frames ${analysis.foreign}`,
    `  deliveries/s: ${deliveriesPerSecond(phase).toFixed(0)} over ${deliveryWindowSeconds(phase).toFixed(2)} s`,
    `  latency:      p50 ${ms(latency.p50)}, p95 ${ms(latency.p95)}, p99 ${ms(latency.p99)}, max ${ms(latency.max)}, mean ${ms(latency.mean)} `
    + '(publish call -> client receive)',
    `                p50 ${ms(fromServer.p50)}, p99 ${ms(fromServer.p99)}, max ${ms(fromServer.max)} (server sent_at, 1 ms resolution -> client receive)`,
    ...(phase.nodes.length > 1 ? phase.nodes.map((node, i) => nodeLine(node, i)) : []),
    `  server CPU:   ${phase.serverCpuSeconds.toFixed(2)} s over ${phase.seconds.toFixed(2)} s (${percent(phase.serverCpuSeconds, phase.seconds)} of one core`
    + `${phase.nodes.length > 1 ? `, ${phase.nodes.length} nodes together` : ''}); load generators ${phase.generatorCpuSeconds.toFixed(2)} s`
    + `${phase.redisCpuSeconds === undefined ? '' : `; redis-server ${phase.redisCpuSeconds.toFixed(2)} s`}`,
  ]
  const trouble = [
    analysis.timestampMismatches > 0 ? `${analysis.timestampMismatches} payload timestamps differ from the publisher's record` : '',
    total.dropped.size > 0 ? `sockets dropped during the run:${failures(total.dropped)}` : '',
    total.protocolErrors.size > 0 ? `protocol errors:${failures(total.protocolErrors)}` : '',
    total.pongsSent > 0 ? `${total.pongsSent} server pings answered` : '',
  ].filter(Boolean)
  return trouble.length > 0 ? [...lines, `  notes:        ${trouble.join('; ')}`] : lines
}

function nodeLine(node: NodeAnalysis, index: number): string {
  const latency = distribution(node.analysis.endToEndMs)
  return `    node ${index + 1} (${node.url.replace(/\/app\/.*$/, '')}): received ${node.analysis.received}, `
    + `p50 ${ms(latency.p50)}, p95 ${ms(latency.p95)}, p99 ${ms(latency.p99)}, max ${ms(latency.max)}`
}

export function failures<K>(map: Map<K, number>): string {
  if (map.size === 0) return ''
  return [...map].map(([reason, n]) => ` [${n}× ${String(reason)}]`).join('')
}

export function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a'
}

function ms(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'n/a'
}

function mb(kb: number): string {
  return `${(kb / 1024).toFixed(1)} MB`
}

function rate(n: number, seconds: number): string {
  return seconds > 0 ? (n / seconds).toFixed(0) : 'n/a'
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(part === 0 ? 0 : 1)}%` : 'n/a'
}
