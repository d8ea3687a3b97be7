// Soak settings: command-line flags, then `npm run soak --flag=value`, then SOAK_* variables, then defaults.

/** One soak run's settings. */
export interface SoakOptions {
  /** How long clients come and go, in minutes. */
  minutes: number
  /** Clients connected at any moment; each one that leaves is replaced at once. */
  clients: number
  /** SIMULATOR_INTERVAL_MS of the server: time between two simulator reports. */
  interval: number
}

interface Setting {
  flag: keyof SoakOptions
  env: string
  fallback: number
  integer: boolean
}

const SETTINGS: Setting[] = [
  { flag: 'minutes', env: 'SOAK_MINUTES', fallback: 10, integer: false },
  { flag: 'clients', env: 'SOAK_CLIENTS', fallback: 60, integer: true },
  { flag: 'interval', env: 'SOAK_INTERVAL', fallback: 100, integer: true },
]

/** Help text for --help and bad flags. */
export const SOAK_USAGE = `Usage: npm run soak -- [--minutes M] [--clients N] [--interval MS]
  --minutes M    how long clients connect and disconnect (default 10; --minutes 1 is the quick mode; env SOAK_MINUTES)
  --clients N    clients connected at any moment, each replaced when it leaves (default 60, env SOAK_CLIENTS)
  --interval MS  the simulator's SIMULATOR_INTERVAL_MS (default 100, env SOAK_INTERVAL)`

/** Reads the options from `argv` (without node and script) and the environment; throws a readable error. */
export function parseSoakOptions(argv: string[], env: Record<string, string | undefined>): SoakOptions {
  const given = new Map<string, string>()
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]!)
    if (!match) throw new Error(`unexpected argument "${argv[i]}" (npm needs \`--\` before flags: npm run soak -- --minutes 1)`)
    const name = match[1]!
    if (!SETTINGS.some(setting => setting.flag === name)) throw new Error(`unknown flag --${name}`)
    const value = match[2] ?? argv[++i]
    if (value === undefined) throw new Error(`--${name} needs a value`)
    given.set(name, value)
  }
  const options = {} as SoakOptions
  for (const setting of SETTINGS) {
    const raw = given.get(setting.flag) ?? env[`npm_config_${setting.flag}`] ?? env[setting.env]
    options[setting.flag] = raw === undefined || raw === '' ? setting.fallback : checked(setting, raw)
  }
  return options
}

function checked(setting: Setting, raw: string): number {
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0 || (setting.integer && !Number.isInteger(value))) {
    throw new Error(`--${setting.flag} must be a positive ${setting.integer ? 'integer' : 'number'}, got "${raw}"`)
  }
  return value
}
