// Benchmark settings: command-line flags, then `npm run bench --flag=value`, then BENCH_* variables, then defaults.

/** In the order `all` runs them: the floor right after scenario 1, so a full run always compares the two. */
export const SCENARIOS = ['1', 'floor', '2', '3', '4', 'teltonika', 'mqtt', 'modbus', 'ingest', 'map', 'idle'] as const
export type ScenarioId = typeof SCENARIOS[number]

/** One run's settings. Sizes left undefined are each scenario's own (quick, or the with --full). */
export interface BenchOptions {
  scenarios: ScenarioId[]
  /** The sizes (10 000 subscribers, 2 000 channels, 20 000 idle sockets) instead of the quick ones. */
  full: boolean
  /** Sockets per scenario. */
  connections?: number
  /** One publish rate (events/s) instead of 1, 5 and 20 in scenarios 1 and 4. */
  rate?: number
  /** Publishing time of each phase. */
  seconds?: number
  /** Sockets opened concurrently per load-generator process while connecting. */
  batch: number
  /** Folder for CPU profiles of the server, one per connect and publish phase. */
  profileDir?: string
  /** Database of the ingest, mqtt and map scenarios. */
  database: 'embedded' | 'postgres'
  /** Samples the ingest scenario stores. */
  samples?: number
  /** Simulated vehicles per demo tenant in the map scenario. */
  vehicles?: number
  /** How long the idle scenario watches the server. */
  minutes?: number
  /** The map scenario's WebGL canvas: shown, or hidden (to tell the map's drawing from the rest of the page). */
  canvas: 'shown' | 'hidden'
}

type Kind = 'integer' | 'number' | 'scenario' | 'path' | 'switch' | 'database' | 'canvas'

const SETTINGS: Array<{ flag: string, env: string, kind: Kind }> = [
  { flag: 'scenario', env: 'BENCH_SCENARIO', kind: 'scenario' },
  { flag: 'full', env: 'BENCH_FULL', kind: 'switch' },
  { flag: 'connections', env: 'BENCH_CONNECTIONS', kind: 'integer' },
  { flag: 'rate', env: 'BENCH_RATE', kind: 'number' },
  { flag: 'seconds', env: 'BENCH_SECONDS', kind: 'number' },
  { flag: 'batch', env: 'BENCH_BATCH', kind: 'integer' },
  { flag: 'profile', env: 'BENCH_PROFILE', kind: 'path' },
  { flag: 'database', env: 'BENCH_DATABASE', kind: 'database' },
  { flag: 'samples', env: 'BENCH_SAMPLES', kind: 'integer' },
  { flag: 'vehicles', env: 'BENCH_VEHICLES', kind: 'integer' },
  { flag: 'minutes', env: 'BENCH_MINUTES', kind: 'number' },
  { flag: 'canvas', env: 'BENCH_CANVAS', kind: 'canvas' },
]

/** Help text for --help and bad flags. */
export const USAGE = `Usage: npm run bench -- [--scenario 1|floor|2|3|4|teltonika|mqtt|modbus|ingest|map|idle|all|LIST] [--full] [--connections N] [--rate R] [--seconds S] [--batch B] [--profile DIR]
                     [--database embedded|postgres] [--samples N] [--vehicles N] [--minutes M] [--canvas shown|hidden]
  --scenario X     1: subscribers on one channel at 1, 5 and 20 events/s; floor: scenario 1 against a minimal ws
                   server (bench/floor-server.ts), what this machine allows, with Lookout / floor ratios at the end
                   when 1 ran too; 2: one channel per socket, HTTP API as fast as it answers (single, batch_events,
                   multi-channel); 3: idle sockets, memory each and connect time; 4: scenario 1 over two nodes
                   sharing a redis-server; teltonika: Codec 8 trackers over TCP, 1 record/s each (records/s stored,
                   ack latency, server CPU per record, memory per connection); mqtt: MQTT devices publishing telemetry at
                   QoS 1 into the embedded broker (stored/s, publish -> browser latency, CPU per message); modbus: Modbus TCP
                   devices on loopback × 20 registers polled every second (cycle time read -> browser event, readings
                   stored = registers answered, CPU per register read); ingest: telemetry
                   written by a minimal script (the floor, one multi-row INSERT per 1 000 samples), then through the HTTP
                   ingest API (batches of 1 000, 4 in flight), samples/s, server CPU per sample, p99, RSS, ratios, history
                   query timings, then gateways' readings through the readings ingest API (1 000 per request, 4 gateways),
                   readings/s and server CPU per reading; map: the map page in Chromium while SIMULATOR_VEHICLES vehicles per demo tenant move at
                   1 Hz (frame time p50/p95/p99 from requestAnimationFrame, dropped frames > 50 ms, position.batch size
                   and rate, CPU of the tab and of the server); idle: the server with the simulator on and nobody
                   connected, RSS, V8 heap used, external and arrayBuffers every few seconds, and RSS at the end
                   against 250 MB (the issue's target on the embedded database); a comma-separated
                   LIST such as 1,floor runs several (default all, env BENCH_SCENARIO)
  --full           the issue's sizes (10 000 / 10 000 / 2 000 / 20 000 / 10 000 sockets, 10 s phases; teltonika 5 000 trackers
                   for 60 s; mqtt 1 000 devices × 10/s for 60 s; modbus 200 devices for 60 s; ingest 1 000 000 samples; map 5 000
                   vehicles for 60 s; idle 10 minutes); without it a quick
                   run of every scenario takes about 2 minutes (env BENCH_FULL=1)
  --connections N  sockets in each scenario chosen (env BENCH_CONNECTIONS)
  --rate R         one rate (events/s) instead of 1, 5 and 20 in scenarios 1 and 4 (env BENCH_RATE)
  --seconds S      publishing time of each phase (env BENCH_SECONDS)
  --batch B        sockets opened at a time per load-generator process (default 200, env BENCH_BATCH)
  --profile DIR    write a CPU profile of the (first) server for each connect and publish phase to DIR; the
                   profiler costs CPU, so figures of such a run are not comparable (env BENCH_PROFILE)
  --database D     ingest, mqtt and map scenarios: embedded (default) or postgres (TEST_DATABASE_URL when set, as under
                   scripts/with-postgres.sh, else a throwaway cluster of Debian's postgresql) (env BENCH_DATABASE)
  --samples N      ingest scenario: samples to store (default 100 000, --full 1 000 000; env BENCH_SAMPLES)
  --vehicles N     map scenario: vehicles per demo tenant (default 1 000 for 20 s, --full 5 000 for 60 s; env BENCH_VEHICLES)
  --minutes M      idle scenario: minutes to watch the server (default 2, --full 10; env BENCH_MINUTES)
  --canvas C       map scenario: shown (default) or hidden, the map's WebGL canvas made invisible while sampling, so
                   the figures show what drawing the map costs (env BENCH_CANVAS)`

/** Reads the options from `argv` (without node and script) and the environment; throws a readable error. */
export function parseOptions(argv: string[], env: Record<string, string | undefined>): BenchOptions {
  const given = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg)
    if (!match) throw new Error(`unexpected argument "${arg}"${swallowedByNpm(env) ? npmHint() : ''}`)
    const name = match[1]!
    const setting = SETTINGS.find(candidate => candidate.flag === name)
    if (!setting) throw new Error(`unknown flag --${name}`)
    const value = setting.kind === 'switch' ? (match[2] ?? 'true') : (match[2] ?? argv[++i])
    if (value === undefined) throw new Error(`--${name} needs a value`)
    given.set(name, value)
  }
  if (swallowedByNpm(env)) throw new Error(`flags were taken by npm itself${npmHint()}`)
  const raw = (flag: string): string | undefined => {
    const setting = SETTINGS.find(candidate => candidate.flag === flag)!
    const value = given.get(flag) ?? env[`npm_config_${flag}`] ?? env[setting.env]
    return value === '' ? undefined : value
  }
  const scenario = raw('scenario') ?? 'all'
  const chosen = scenario === 'all' ? [...SCENARIOS] : [...new Set(scenario.split(',').map(id => id.trim()))]
  if (!chosen.every(id => (SCENARIOS as readonly string[]).includes(id))) {
    throw new Error(`--scenario must be ${SCENARIOS.join(', ')}, all, or a comma-separated list of them, got "${scenario}"`)
  }
  return {
    scenarios: chosen as ScenarioId[],
    full: ['true', '1', 'yes'].includes(raw('full') ?? 'false'),
    connections: numeric('connections', raw('connections'), true),
    rate: numeric('rate', raw('rate'), false),
    seconds: numeric('seconds', raw('seconds'), false),
    batch: numeric('batch', raw('batch'), true) ?? 200,
    profileDir: raw('profile'),
    database: databaseKind(raw('database')),
    samples: numeric('samples', raw('samples'), true),
    vehicles: numeric('vehicles', raw('vehicles'), true),
    minutes: numeric('minutes', raw('minutes'), false),
    canvas: canvasShown(raw('canvas')),
  }
}

function canvasShown(raw: string | undefined): 'shown' | 'hidden' {
  if (raw === undefined || raw === 'shown' || raw === 'hidden') return raw ?? 'shown'
  throw new Error(`--canvas must be shown or hidden, got "${raw}"`)
}

function databaseKind(raw: string | undefined): 'embedded' | 'postgres' {
  if (raw === undefined || raw === 'embedded' || raw === 'postgres') return raw ?? 'embedded'
  throw new Error(`--database must be embedded or postgres, got "${raw}"`)
}

function numeric(flag: string, raw: string | undefined, integer: boolean): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${flag} must be a positive ${integer ? 'integer' : 'number'}, got "${raw}"`)
  }
  return value
}

/** `npm run bench --rate 20` (without `--`) leaves npm_config_rate=true and passes only "20" on. */
function swallowedByNpm(env: Record<string, string | undefined>): boolean {
  return SETTINGS.some(setting => setting.kind !== 'switch' && env[`npm_config_${setting.flag}`] === 'true')
}

function npmHint(): string {
  return '; npm consumed the flags: put `--` before them, e.g. `npm run bench -- --scenario 1 --connections 1000 --rate 20`'
}
