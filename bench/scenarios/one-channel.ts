// Scenario 1: 10 000 subscribers (quick: 2 000) on one channel of one server, events at 1, 5 and 20 per second.
import { startBenchServer } from '../bench-server'
import type { BenchOptions } from '../options'
import type { SummaryRow } from '../summary-table'
import { fanoutPhases } from './fanout-phases'

export async function oneChannel(options: BenchOptions): Promise<SummaryRow[]> {
  const server = await startBenchServer()
  try {
    console.log(`scenario 1: fan-out on one channel (server pid ${server.process.pid}, port ${server.process.port})`)
    return await fanoutPhases('1', [server], options)
  }
  finally {
    await server.stop()
  }
}
