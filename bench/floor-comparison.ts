// Scenario 1 against the floor: how many times the minimal server's latency and CPU Lookout needs, per rate both ran.
import type { SummaryRow } from './summary-table'

/** One line per rate that scenario 1 and the floor both ran in this run; none when either is missing. */
export function floorComparison(rows: SummaryRow[]): string[] {
  const lines: string[] = []
  for (const lookout of rows.filter(row => row.scenario === '1')) {
    const floor = rows.find(row => row.scenario === 'floor' && row.phase === lookout.phase)
    if (!floor) continue
    // Different socket counts (an open-file budget cut one of them) make the ratios less telling: say so.
    const sockets = lookout.sockets === floor.sockets ? '' : ` (${lookout.sockets} vs ${floor.sockets} sockets)`
    lines.push(`  ${lookout.phase.padStart(6)}  Lookout / floor: p50 ${ratio(lookout.latency?.p50, floor.latency?.p50)}, `
      + `p99 ${ratio(lookout.latency?.p99, floor.latency?.p99)}, server CPU ${ratio(lookout.serverCpuPercent, floor.serverCpuPercent)}${sockets}`)
  }
  return lines
}

function ratio(lookout: number | undefined, floor: number | undefined): string {
  if (lookout === undefined || floor === undefined || !Number.isFinite(lookout / floor)) return 'n/a'
  return `${(lookout / floor).toFixed(2)}x`
}
