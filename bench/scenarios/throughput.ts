// Scenario 2: 2 000 sockets (quick: 500) each on its own channel; the HTTP API driven as fast as it answers: single events, batch_events of 10, events on 10 channels.
import { startBenchServer } from '../bench-server'
import type { BurstMode } from '../burst-publisher'
import { GROUP, publishBurst } from '../burst-publisher'
import type { BenchOptions } from '../options'
import { runPhase } from '../publish-phase'
import { connectLine, deliveriesPerSecond, memoryLines, memoryPerConnectionKb, phaseLines } from '../report'
import { apiClient, connectFleet, socketBudget, warmUp } from '../scenario-kit'
import type { SummaryRow } from '../summary-table'
import { phaseRow } from '../summary-table'

const PREFIX = 'bench'
/** HTTP requests kept in flight. */
const CONCURRENCY = 16
/** The target: over 20 000 events/s delivered when batched. */
const TARGET_PER_SECOND = 20_000
const MODES: Array<{ mode: BurstMode, text: string }> = [
  { mode: 'single', text: 'one event on one channel per request' },
  { mode: 'batch', text: `batch_events of ${GROUP} events, each on its own channel` },
  { mode: 'multi', text: `one event on ${GROUP} channels per request` },
]

export async function throughput(options: BenchOptions): Promise<SummaryRow[]> {
  const wanted = options.connections ?? (options.full ? 2_000 : 500)
  const seconds = options.seconds ?? (options.full ? 10 : 5)
  const server = await startBenchServer()
  const api = apiClient(server, CONCURRENCY)
  try {
    const budget = socketBudget(wanted, [server])
    console.log(`scenario 2: ${budget.sockets} sockets each on its own channel, HTTP API as fast as it answers (${CONCURRENCY} requests in flight) `
      + `for ${seconds} s per mode (server pid ${server.process.pid}, port ${server.process.port})`)
    if (budget.note) console.log(`  note: ${budget.note}`)
    await warmUp([server], api.pusher)
    const { fleet, connect, memory } = await connectFleet([server], options, { label: '2 connect', connections: budget.sockets, channel: PREFIX, perSocket: true })
    console.log(connectLine(connect))
    for (const line of memoryLines(memory)) console.log(line)
    const rows: SummaryRow[] = []
    try {
      for (const { mode, text } of MODES) {
        console.log(`  -- ${mode}: ${text}`)
        const event = `burst-${mode}`
        const phase = await runPhase(
          { servers: [server], fleet, profileDir: options.profileDir },
          { label: `2 ${mode}`, event, nominalSeconds: seconds },
          () => publishBurst(api.pusher, { mode, event, prefix: PREFIX, channels: budget.sockets, seconds, concurrency: CONCURRENCY }),
          outcome => outcome.acknowledgedCount * outcome.targetsPerEvent,
        )
        const { requests, settledAt, firstSentAt } = phase.publish
        const requestLine = `  requests:     ${requests} in ${((settledAt - firstSentAt) / 1000).toFixed(2)} s (${(requests / ((settledAt - firstSentAt) / 1000)).toFixed(0)}/s)`
        for (const line of phaseLines(phase, [requestLine])) console.log(line)
        const row = phaseRow('2', connect.subscribed, phase, rows.length === 0 ? { memoryKb: memoryPerConnectionKb(memory), connectSeconds: connect.seconds } : {})
        if (mode === 'batch') row.target = { text: `> ${TARGET_PER_SECOND / 1000}k deliv./s`, met: deliveriesPerSecond(phase) > TARGET_PER_SECOND }
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
    await server.stop()
  }
}
