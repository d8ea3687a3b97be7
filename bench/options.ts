// Benchmark settings: command-line flags, then `npm run bench --flag=value`, then BENCH_* variables, then defaults.

/** One run's settings. */
export interface BenchOptions {
  /** WebSocket subscribers to open on the channel. */
  connections: number
  /** Events published per second through the HTTP API. */
  rate: number
  /** How long events are published for. */
  seconds: number
  /** Sockets opened concurrently while connecting (so the listen backlog is not flooded). */
  batch: number
  /** The public channel every subscriber joins. */
  channel: string
}

interface Setting {
  flag: 'connections' | 'rate' | 'seconds' | 'batch'
  env: string
  fallback: number
  integer: boolean
}

const SETTINGS: Setting[] = [
  { flag: 'connections', env: 'BENCH_CONNECTIONS', fallback: 5000, integer: true },
  { flag: 'rate', env: 'BENCH_RATE', fallback: 5, integer: false },
  { flag: 'seconds', env: 'BENCH_SECONDS', fallback: 10, integer: false },
  { flag: 'batch', env: 'BENCH_BATCH', fallback: 200, integer: true },
]

/** Help text for --help and bad flags. */
export const USAGE = `Usage: npm run bench -- [--connections N] [--rate R] [--seconds S] [--batch B]
  --connections N  subscribers on one public channel (default 5000, env BENCH_CONNECTIONS)
  --rate R         events per second published through the HTTP API (default 5, env BENCH_RATE)
  --seconds S      publishing time in seconds (default 10, env BENCH_SECONDS)
  --batch B        sockets opened at a time while connecting (default 200, env BENCH_BATCH)`

/** Reads the options from `argv` (without node and script) and the environment; throws a readable error. */
export function parseOptions(argv: string[], env: Record<string, string | undefined>): BenchOptions {
  const given = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg)
    if (!match) throw new Error(`unexpected argument "${arg}"${swallowedByNpm(env) ? npmHint() : ''}`)
    const name = match[1]!
    if (!SETTINGS.some(setting => setting.flag === name)) throw new Error(`unknown flag --${name}`)
    const value = match[2] ?? argv[++i]
    if (value === undefined) throw new Error(`--${name} needs a value`)
    given.set(name, value)
  }
  if (swallowedByNpm(env)) throw new Error(`flags were taken by npm itself${npmHint()}`)
  const values: Record<string, number> = {}
  for (const setting of SETTINGS) {
    const raw = given.get(setting.flag) ?? env[`npm_config_${setting.flag}`] ?? env[setting.env]
    values[setting.flag] = raw === undefined || raw === '' ? setting.fallback : checked(setting, raw)
  }
  return {
    connections: values.connections!,
    rate: values.rate!,
    seconds: values.seconds!,
    batch: values.batch!,
    channel: 'bench',
  }
}

function checked(setting: Setting, raw: string): number {
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0 || (setting.integer && !Number.isInteger(value))) {
    throw new Error(`--${setting.flag} must be a positive ${setting.integer ? 'integer' : 'number'}, got "${raw}"`)
  }
  return value
}

/** `npm run bench --rate 20` (without `--`) leaves npm_config_rate=true and passes only "20" on. */
function swallowedByNpm(env: Record<string, string | undefined>): boolean {
  return SETTINGS.some(setting => env[`npm_config_${setting.flag}`] === 'true')
}

function npmHint(): string {
  return '; npm consumed the flags: put `--` before them, e.g. `npm run bench -- --connections 1000 --rate 20 --seconds 5`'
}
