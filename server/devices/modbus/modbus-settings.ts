// Modbus TCP polling settings from the environment.
import type { HostAllowList } from './host-allow-list'
import type { BackoffSettings } from './reconnect-backoff'
import { DEFAULT_BACKOFF } from './reconnect-backoff'
import { parseHostAllowList } from './host-allow-list'

export interface ModbusSettings {
  /** MODBUS_POLLING=off stops this node from polling (it still serves the API and the connection test). */
  polling: boolean
  allowList: HostAllowList
  /** Most polls in flight at once over all gateways. */
  concurrency: number
  /** How often the set of Modbus gateways is re-read (new, switched and deleted gateways). */
  refreshMs: number
  /** Reconnect delays after failed connections: from 0.5 s doubling up to MODBUS_RECONNECT_MAX_MS. */
  backoff: BackoffSettings
}

type Env = Record<string, string | undefined>

/** Reads and checks the settings; throws naming the variable that is wrong. */
export function modbusSettings(env: Env): ModbusSettings {
  const positive = (name: string, fallback: number) => {
    const value = Number(env[name] || fallback)
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`)
    return value
  }
  const polling = (env.MODBUS_POLLING || 'on').toLowerCase()
  if (polling !== 'on' && polling !== 'off') throw new Error('MODBUS_POLLING must be on or off')
  return {
    polling: polling === 'on',
    allowList: parseHostAllowList(env.MODBUS_ALLOWED_HOSTS),
    concurrency: positive('MODBUS_CONCURRENCY', 64),
    refreshMs: positive('MODBUS_REFRESH_MS', 2000),
    backoff: { ...DEFAULT_BACKOFF, maxMs: positive('MODBUS_RECONNECT_MAX_MS', DEFAULT_BACKOFF.maxMs) },
  }
}
