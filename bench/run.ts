// `npm run bench`: the benchmark scenarios against the built server (load generators in processes of their own), then a summary table.
import { mkdirSync, readFileSync } from 'node:fs'
import { availableParallelism, totalmem } from 'node:os'
import { stopAll } from './cleanup'
import { openFileLimit } from './fd-limit'
import { floorComparison } from './floor-comparison'
import type { BenchOptions, ScenarioId } from './options'
import { parseOptions, USAGE } from './options'
import { cluster } from './scenarios/cluster'
import { floor } from './scenarios/floor'
import { idle } from './scenarios/idle'
import { idleMemory } from './scenarios/idle-memory'
import { ingest } from './scenarios/ingest'
import { map } from './scenarios/map'
import { modbus } from './scenarios/modbus'
import { mqtt } from './scenarios/mqtt'
import { oneChannel } from './scenarios/one-channel'
import { teltonika } from './scenarios/teltonika'
import { throughput } from './scenarios/throughput'
import type { SummaryRow } from './summary-table'
import { summaryTable } from './summary-table'

const RUNS: Record<ScenarioId, (options: BenchOptions) => Promise<SummaryRow[]>> = {
  1: oneChannel,
  floor,
  2: throughput,
  3: idle,
  4: cluster,
  teltonika,
  mqtt,
  modbus,
  ingest,
  map,
  idle: idleMemory,
}

/** Parses the options, runs the chosen scenarios one after another, prints the summary; returns the exit code. */
async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE)
    return 0
  }
  let options: BenchOptions
  try {
    options = parseOptions(argv, process.env)
  }
  catch (error) {
    console.error(`bench: ${(error as Error).message}\n${USAGE}`)
    return 2
  }
  if (options.profileDir) mkdirSync(options.profileDir, { recursive: true })
  const ports = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).join('-')
  console.log(`benchmark ${options.full ? '(full sizes)' : '(quick sizes; --full for the issue\'s)'}: scenarios ${options.scenarios.join(', ')}; `
    + `${availableParallelism()} CPUs, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, open-file limit ${openFileLimit().soft}, ephemeral ports ${ports}; `
    + `load generator pid ${process.pid}\n`)
  const rows: SummaryRow[] = []
  let failed = 0
  for (const scenario of options.scenarios) {
    const started = Date.now()
    try {
      rows.push(...await RUNS[scenario](options))
    }
    catch (error) {
      failed += 1
      console.error(`scenario ${scenario} failed: ${(error as Error).message}`)
    }
    console.log(`  (scenario ${scenario} took ${((Date.now() - started) / 1000).toFixed(0)} s)\n`)
  }
  console.log('summary (latency: publish call -> client receive; events/s: acknowledged by the HTTP API; '
    + 'srv CPU: % of one core over the phase; KB/conn: server RSS growth per socket after full GCs)')
  for (const line of summaryTable(rows)) console.log(line)
  const comparison = floorComparison(rows)
  if (comparison.length > 0) console.log(`\nscenario 1 against the floor (the same phases on a minimal ws server; 1.00x: Lookout costs what the machine's floor costs)\n${comparison.join('\n')}`)
  return failed > 0 || rows.some(row => row.deliveriesPerSecond === 0) ? 1 : 0
}

const onSignal = (signal: NodeJS.Signals) => {
  console.error(`bench: ${signal}; stopping the servers`)
  void stopAll(10_000).finally(() => process.exit(130))
}
process.once('SIGINT', onSignal)
process.once('SIGTERM', onSignal)

const code = await main(process.argv.slice(2))
process.exitCode = code
// Anything still holding the event loop open must not keep a finished benchmark alive.
setTimeout(() => process.exit(code), 5_000).unref()
