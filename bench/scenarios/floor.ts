// Scenario "floor": scenario 1's phases against bench/floor-server.ts, a minimal `ws` server, so a run shows how near Lookout is to what this machine allows.
import { fileURLToPath } from 'node:url'
import { startBenchServer } from '../bench-server'
import type { BenchOptions } from '../options'
import type { SummaryRow } from '../summary-table'
import { fanoutPhases } from './fanout-phases'

/** Node arguments that run the floor server (TypeScript, through tsx like the load generators). */
const FLOOR_SERVER = ['--import', 'tsx', fileURLToPath(new URL('../floor-server.ts', import.meta.url))]

/** Runs scenario 1's connect and publish phases against the floor server. */
export async function floor(options: BenchOptions): Promise<SummaryRow[]> {
  const server = await startBenchServer({}, FLOOR_SERVER)
  try {
    console.log(`scenario floor: scenario 1 against a minimal ws server (server pid ${server.process.pid}, port ${server.process.port})`)
    return await fanoutPhases('floor', [server], options)
  }
  finally {
    await server.stop()
  }
}
