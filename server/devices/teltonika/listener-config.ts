// Where the Teltonika listener listens, from the environment.

type Env = Record<string, string | undefined>

/**
 * TELTONIKA_PORT (with HOST) when set; `off` or unset means no listener, except in the demo (simulator and
 * demo data on), which listens on a free loopback port so the simulated trackers use the real protocol.
 */
export function teltonikaListenerConfig(env: Env): { port: number, host: string | undefined } | null {
  const port = env.TELTONIKA_PORT
  if (port === 'off') return null
  if (port !== undefined && port !== '') {
    const number = Number(port)
    if (!Number.isInteger(number) || number < 0 || number > 65_535) throw new Error(`TELTONIKA_PORT must be a port number or "off", not ${JSON.stringify(port)}`)
    return { port: number, host: env.HOST || undefined }
  }
  return env.SIMULATOR !== 'off' && env.DEMO_DATA !== 'off' ? { port: 0, host: '127.0.0.1' } : null
}
