// The table printed at the end: one row per scenario phase, with the target where it has one.
import type { Distribution } from './percentiles'
import { distribution } from './percentiles'
import type { PhaseResult } from './publish-phase'
import { acceptedPerSecond, deliveriesPerSecond, fixed } from './report'

export interface SummaryRow {
  scenario: string
  phase: string
  sockets: number
  eventsPerSecond?: number
  deliveriesPerSecond?: number
  latency?: Distribution
  /** Server CPU over the phase, % of one core (summed over nodes). */
  serverCpuPercent?: number
  memoryKb?: number
  connectSeconds?: number
  /** The target and whether this run met it. */
  target?: { text: string, met: boolean }
}

/** A row with the figures every publish phase has. */
export function phaseRow(scenario: string, sockets: number, phase: PhaseResult, more: Partial<SummaryRow> = {}): SummaryRow {
  return {
    scenario,
    phase: phase.label.slice(phase.label.indexOf(' ') + 1),
    sockets,
    eventsPerSecond: acceptedPerSecond(phase.publish),
    deliveriesPerSecond: deliveriesPerSecond(phase),
    latency: distribution(phase.total.analysis.endToEndMs),
    serverCpuPercent: (phase.serverCpuSeconds / phase.seconds) * 100,
    ...more,
  }
}

/** The summary as aligned text lines. */
export function summaryTable(rows: SummaryRow[]): string[] {
  const header = ['scen.', 'phase', 'sockets', 'events/s', 'deliv./s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'srv CPU', 'KB/conn', 'connect s', 'target']
  const cells = rows.map(row => [
    row.scenario,
    row.phase,
    String(row.sockets),
    optional(row.eventsPerSecond, 0),
    optional(row.deliveriesPerSecond, 0),
    optional(row.latency?.p50, 1),
    optional(row.latency?.p95, 1),
    optional(row.latency?.p99, 1),
    optional(row.latency?.max, 1),
    row.serverCpuPercent === undefined ? '' : `${row.serverCpuPercent.toFixed(0)}%`,
    optional(row.memoryKb, 2),
    optional(row.connectSeconds, 2),
    row.target ? `${row.target.text}: ${row.target.met ? 'met' : 'MISSED'}` : '',
  ])
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map(line => line[i]!.length)))
  const format = (line: string[]) => line.map((cell, i) => (i < 2 || i === line.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ').trimEnd()
  return [format(header), widths.map(width => '-'.repeat(width)).join('  '), ...cells.map(format)]
}

function optional(value: number | undefined, digits: number): string {
  return value === undefined ? '' : fixed(value, digits)
}
