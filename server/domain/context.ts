// What domain services need from the outside world, passed in so tests can supply their own.
import type { Database } from '../db/connection'

/** Publishes an event on channels (the realtime engine in the server, a recorder in tests). */
export interface Broadcaster {
  broadcast: (channels: string[], event: string, payload: unknown) => void
}

export interface DomainSettings {
  /** Milliseconds telemetry samples of a zone are gathered into one `telemetry.batch.updated`. */
  telemetryBatchMs: number
  /** Milliseconds vehicle positions of a tenant are gathered into one `position.batch`. */
  positionBatchMs: number
  /** Seconds a command may stay unfinished before it is timed out. */
  commandTimeoutSeconds: number
  /** Days telemetry, readings and positions are kept. */
  retentionDays: number
  /** Days per-minute telemetry rollups are kept (history beyond the raw rows' retention). */
  retentionDaysDownsampled: number
}

export interface DomainContext {
  db: Database
  broadcaster: Broadcaster
  now: () => Date
  settings: DomainSettings
}

type Env = Record<string, string | undefined>

/** Settings from the environment, with defaults. */
export function domainSettings(env: Env): DomainSettings {
  const number = (name: string, fallback: number) => {
    const value = Number(env[name] ?? fallback)
    if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`)
    return value
  }
  return {
    telemetryBatchMs: number('TELEMETRY_BATCH_MS', 500),
    positionBatchMs: number('POSITION_BATCH_MS', 500),
    commandTimeoutSeconds: number('COMMAND_TIMEOUT_SECONDS', 30),
    retentionDays: number('RETENTION_DAYS', 30),
    retentionDaysDownsampled: number('RETENTION_DAYS_DOWNSAMPLED', 400),
  }
}
