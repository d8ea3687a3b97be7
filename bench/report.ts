// Turns the figures of one benchmark run into the printed report and its one-line summary.
import type { DeliveryAnalysis } from './delivery-log'
import type { PublishOutcome } from './fixed-rate-publisher'
import type { BenchOptions } from './options'
import { distribution } from './percentiles'

/** Every figure a run produces. */
export interface BenchResult {
  options: BenchOptions
  server: { pid: number, port: number }
  connect: { subscribed: number, failures: Map<string, number>, seconds: number }
  /** Server VmRSS in KiB: idle before connecting, once all sockets are subscribed, after publishing. */
  rssKb: { before: number, afterConnect: number, afterPublish: number }
  publish: PublishOutcome
  deliveries: DeliveryAnalysis
  /** Acknowledged events × subscribed sockets. */
  expected: number
  /** Publish phase: from the first send until every delivery arrived (or the straggler wait ran out). */
  phase: { seconds: number, serverCpuSeconds: number, generatorCpuSeconds: number, stragglerWaitMs: number }
  sockets: { dropped: Map<number, number>, protocolErrors: Map<string, number>, pongsSent: number }
}

/**
 * Seconds deliveries are spread over: the nominal publish window (events / rate) or, when the last
 * delivery came later than that after the first send, first send to last delivery.
 */
export function deliveryWindowSeconds(result: BenchResult): number {
  const { deliveries, publish, options } = result
  const nominal = publish.sentAt.length / options.rate
  const observed = (deliveries.lastReceivedAt - publish.firstSentAt) / 1000
  return Number.isFinite(observed) ? Math.max(nominal, observed) : nominal
}

/** Distinct deliveries per second over deliveryWindowSeconds(). */
export function deliveriesPerSecond(result: BenchResult): number {
  return result.deliveries.received / deliveryWindowSeconds(result)
}

/** Server memory per subscribed socket in KiB: the RSS growth from connecting, divided by the sockets. */
export function memoryPerConnectionKb(result: BenchResult): number {
  return result.connect.subscribed > 0 ? (result.rssKb.afterConnect - result.rssKb.before) / result.connect.subscribed : Number.NaN
}

/** The report, one printed line per entry. */
export function reportLines(result: BenchResult): string[] {
  const { options, connect, rssKb, publish, deliveries, phase, sockets } = result
  const endToEnd = distribution(deliveries.endToEndMs)
  const fromServer = distribution(deliveries.fromServerMs)
  const http = distribution(publish.roundTripMs)
  const lost = Math.max(0, result.expected - deliveries.received)
  const publishSeconds = (publish.lastSentAt - publish.firstSentAt) / 1000
  const achievedRate = publish.sentAt.length > 1 && publishSeconds > 0 ? (publish.sentAt.length - 1) / publishSeconds : Number.NaN
  const lines = [
    `connections:        ${connect.subscribed} of ${options.connections} subscribed in ${connect.seconds.toFixed(2)} s `
    + `(${rate(connect.subscribed, connect.seconds)} per s, batches of ${options.batch})${failures(connect.failures)}`,
    `events published:   ${publish.sentAt.length} planned at ${options.rate}/s for ${options.seconds} s (achieved ${fixed(achievedRate, 2)}/s), `
    + `${publish.acknowledgedCount} acknowledged${failures(publish.failures)}`,
    `HTTP publish:       round trip p50 ${ms(http.p50)}, p95 ${ms(http.p95)}, p99 ${ms(http.p99)}, max ${ms(http.max)}`,
    `deliveries:         expected ${result.expected}, received ${deliveries.received}, lost ${lost} `
    + `(${percent(lost, result.expected)}), duplicates ${deliveries.duplicates}, unexpected ${deliveries.unexpected}, `
    + `malformed ${deliveries.malformed}, other frames ${deliveries.foreign}`,
    `deliveries/s:       ${deliveriesPerSecond(result).toFixed(0)} over ${deliveryWindowSeconds(result).toFixed(2)} s `
    + `(events/rate, or first publish to last delivery if longer; offered ${(result.connect.subscribed * options.rate).toFixed(0)}/s)`,
    `latency (publish call -> client receive):  p50 ${ms(endToEnd.p50)}, p95 ${ms(endToEnd.p95)}, p99 ${ms(endToEnd.p99)}, `
    + `max ${ms(endToEnd.max)}, mean ${ms(endToEnd.mean)}`,
    `latency (server sent_at -> client receive): p50 ${ms(fromServer.p50)}, p95 ${ms(fromServer.p95)}, p99 ${ms(fromServer.p99)}, `
    + `max ${ms(fromServer.max)} (sent_at has 1 ms resolution)`,
    `server RSS:         before ${mb(rssKb.before)}, all subscribed ${mb(rssKb.afterConnect)}, after publishing ${mb(rssKb.afterPublish)}`,
    `memory/connection:  ${fixed(memoryPerConnectionKb(result), 2)} KB (RSS growth ${mb(rssKb.afterConnect - rssKb.before)} / ${connect.subscribed} sockets)`,
    `server CPU:         ${phase.serverCpuSeconds.toFixed(2)} s user+sys over the ${phase.seconds.toFixed(2)} s publish phase `
    + `(${percent(phase.serverCpuSeconds, phase.seconds)} of one core); load generator used ${phase.generatorCpuSeconds.toFixed(2)} s`,
  ]
  const trouble = [
    deliveries.timestampMismatches > 0 ? `${deliveries.timestampMismatches} payload timestamps differ from the publisher's record` : '',
    sockets.dropped.size > 0 ? `sockets dropped during the run:${failures(sockets.dropped)}` : '',
    sockets.protocolErrors.size > 0 ? `protocol errors:${failures(sockets.protocolErrors)}` : '',
    sockets.pongsSent > 0 ? `${sockets.pongsSent} server pings answered` : '',
    phase.stragglerWaitMs >= 2000 && lost > 0 ? 'stopped waiting for stragglers after 2 s' : '',
  ].filter(Boolean)
  return trouble.length > 0 ? [...lines, `notes:              ${trouble.join('; ')}`] : lines
}

/** Everything that matters on one line, for logs and comparisons. */
export function summaryLine(result: BenchResult): string {
  const latency = distribution(result.deliveries.endToEndMs)
  const lost = Math.max(0, result.expected - result.deliveries.received)
  return `SUMMARY connections=${result.connect.subscribed}/${result.options.connections} rate=${result.options.rate}/s `
    + `seconds=${result.options.seconds} events=${result.publish.acknowledgedCount}/${result.publish.sentAt.length} `
    + `deliveries=${result.deliveries.received}/${result.expected} lost=${lost} `
    + `deliveries_per_s=${deliveriesPerSecond(result).toFixed(0)} `
    + `p50_ms=${fixed(latency.p50, 2)} p95_ms=${fixed(latency.p95, 2)} p99_ms=${fixed(latency.p99, 2)} max_ms=${fixed(latency.max, 2)} `
    + `mem_per_conn_kb=${fixed(memoryPerConnectionKb(result), 2)} server_cpu_s=${result.phase.serverCpuSeconds.toFixed(2)} `
    + `connect_s=${result.connect.seconds.toFixed(2)}`
}

function failures<K>(map: Map<K, number>): string {
  if (map.size === 0) return ''
  return [...map].map(([reason, n]) => ` [${n}× ${String(reason)}]`).join('')
}

function fixed(value: number, digits: number): string {
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
  return whole > 0 ? `${((part / whole) * 100).toFixed(part === 0 ? 0 : 2)}%` : 'n/a'
}
