// Scenario 3: 20 000 idle sockets (quick: 5 000), each subscribed to one shared channel: memory per socket and time to connect them.
import { startBenchServer } from '../bench-server'
import type { BenchOptions } from '../options'
import { connectLine, memoryLines, memoryPerConnectionKb } from '../report'
import { apiClient, connectFleet, socketBudget, warmUp } from '../scenario-kit'
import type { SummaryRow } from '../summary-table'

/** The target: under 8 KB of server memory per idle socket. */
const TARGET_KB = 8

export async function idle(options: BenchOptions): Promise<SummaryRow[]> {
  const wanted = options.connections ?? (options.full ? 20_000 : 5_000)
  const server = await startBenchServer()
  const api = apiClient(server)
  try {
    const budget = socketBudget(wanted, [server])
    console.log(`scenario 3: ${budget.sockets} idle sockets on one channel (server pid ${server.process.pid}, port ${server.process.port})`)
    if (budget.note) console.log(`  note: ${budget.note}`)
    await warmUp([server], api.pusher)
    const { fleet, connect, memory } = await connectFleet([server], options, { label: '3 connect', connections: budget.sockets, channel: 'bench-idle', perSocket: false })
    await fleet.close()
    console.log(connectLine(connect))
    for (const line of memoryLines(memory)) console.log(line)
    const memoryKb = memoryPerConnectionKb(memory)
    return [{
      scenario: '3',
      phase: 'idle',
      sockets: connect.subscribed,
      memoryKb,
      connectSeconds: connect.seconds,
      target: { text: `< ${TARGET_KB} KB/conn`, met: memoryKb < TARGET_KB },
    }]
  }
  finally {
    api.close()
    await server.stop()
  }
}
