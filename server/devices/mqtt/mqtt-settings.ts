// MQTT configuration from the environment: embedded broker (MQTT_PORT) or external broker (MQTT_URL), and limits.

export interface MqttSettings {
  /** Port of the embedded broker (0: a free one), or null when it is off. */
  port: number | null
  /** `mqtt://user:pass@host:1883` of an external broker Lookout subscribes to, or null. */
  url: string | null
  /** Address the embedded broker listens on (HOST, else all interfaces). */
  host: string | undefined
  /** Largest MQTT packet accepted (the connection is closed beyond it). */
  maxPacketBytes: number
  /** Messages one API token's devices may publish per minute (beyond it they are dropped). */
  messagesPerMinute: number
  /** Milliseconds between two looks for queued commands of MQTT nodes. */
  commandPollMs: number
}

type Env = Record<string, string | undefined>

/**
 * The settings, with defaults; throws naming the variable when one is not usable. MQTT_PORT `off` or unset
 * means no embedded broker, except in the demo (simulator and demo data on, no MQTT_URL), which runs one on
 * a free loopback port so the simulated nodes speak MQTT, as the Teltonika listener does for the trackers.
 */
export function mqttSettings(env: Env): MqttSettings {
  const number = (name: string, fallback: number, min: number) => {
    const value = Number(env[name] || fallback)
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer of at least ${min}`)
    return value
  }
  const url = env.MQTT_URL || null
  if (url && !/^mqtts?:\/\/./.test(url)) throw new Error('MQTT_URL must be an mqtt:// or mqtts:// URL')
  const demo = !env.MQTT_PORT && !url && env.SIMULATOR !== 'off' && env.DEMO_DATA !== 'off'
  const port = env.MQTT_PORT && env.MQTT_PORT !== 'off' ? number('MQTT_PORT', 0, 0) : demo ? 0 : null
  if (port !== null && port > 65535) throw new Error('MQTT_PORT must be a port number or "off"')
  return {
    port,
    url,
    host: demo ? '127.0.0.1' : env.HOST || undefined,
    maxPacketBytes: number('MQTT_MAX_PACKET_BYTES', 1_000_000, 64),
    messagesPerMinute: number('MQTT_MESSAGES_PER_MINUTE', 6000, 1),
    commandPollMs: number('MQTT_COMMAND_POLL_MS', 1000, 50),
  }
}
