// Scenarios 1 and 4: subscribers on one channel (split over the given servers), events at 1, 5 and 20 per second through the first server's HTTP API.
import type { BenchServer } from '../bench-server'
import { publishAtFixedRate } from '../fixed-rate-publisher'
import type { BenchOptions } from '../options'
import { runPhase } from '../publish-phase'
import { connectLine, memoryLines, memoryPerConnectionKb, phaseLines } from '../report'
import { apiClient, connectFleet, socketBudget, warmUp } from '../scenario-kit'
import type { SummaryRow } from '../summary-table'
import { phaseRow } from '../summary-table'

const CHANNEL = 'bench'
/** The issue's target: p99 below 100 ms at 5 events/s. */
const TARGET_RATE = 5
const TARGET_P99_MS = 100

/** Connects, then runs one phase per rate; prints as it goes and returns the summary rows. */
export async function fanoutPhases(scenario: string, servers: BenchServer[], options: BenchOptions, redisPid?: number): Promise<SummaryRow[]> {
  const wanted = options.connections ?? (options.full ? 10_000 : 2_000)
  const seconds = options.seconds ?? (options.full ? 10 : 5)
  const rates = options.rate ? [options.rate] : [1, 5, 20]
  const budget = socketBudget(wanted, servers)
  console.log(`  ${budget.sockets} subscribers on "${CHANNEL}"${servers.length > 1 ? `, split over ${servers.length} nodes` : ''}; `
    + `${rates.join(', ')} events/s for ${seconds} s each, published to ${servers[0]!.process.url}`)
  if (budget.note) console.log(`  note: ${budget.note}`)
  const api = apiClient(servers[0]!)
  try {
    await warmUp(servers, api.pusher)
    const { fleet, connect, memory } = await connectFleet(servers, options, { label: `${scenario} connect`, connections: budget.sockets, channel: CHANNEL, perSocket: false })
    console.log(connectLine(connect))
    for (const line of memoryLines(memory)) console.log(line)
    const rows: SummaryRow[] = []
    try {
      for (const rate of rates) {
        const count = Math.max(1, Math.round(rate * seconds))
        const event = `tick-${rate}`
        console.log(`  -- ${rate} events/s: ${count} events to ${connect.subscribed} sockets`)
        const phase = await runPhase(
          { servers, fleet, redisPid, profileDir: options.profileDir },
          { label: `${scenario} ${rate}/s`, event, nominalSeconds: count / rate },
          () => publishAtFixedRate(api.pusher, { channel: CHANNEL, event, rate, count }),
          outcome => outcome.acknowledgedCount * connect.subscribed,
        )
        for (const line of phaseLines(phase)) console.log(line)
        const row = phaseRow(scenario, connect.subscribed, phase, rows.length === 0 ? { memoryKb: memoryPerConnectionKb(memory), connectSeconds: connect.seconds } : {})
        if (rate === TARGET_RATE) row.target = { text: `p99 < ${TARGET_P99_MS} ms`, met: (row.latency?.p99 ?? Number.POSITIVE_INFINITY) < TARGET_P99_MS }
        rows.push(row)
      }
      return rows
    }
    finally {
      await fleet.close()
    }
  }
  finally {
    api.close()
  }
}
