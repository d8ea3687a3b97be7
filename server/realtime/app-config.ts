// Realtime apps and engine limits, read from the environment under Laravel Reverb's names.
import { createHmac, randomBytes } from 'node:crypto'

/** One Pusher app: credentials and per-app limits. */
export interface RealtimeApp {
  id: string
  key: string
  secret: string
  /** Hostnames (or `*`, or `*.example.com`) whose pages may open sockets; empty means the server's own host. */
  allowedOrigins: string[]
  /** Seconds of silence after which the server pings; sent to clients as `activity_timeout`. */
  activityTimeout: number
  /** Seconds a pinged client has to answer before it is closed with 4201. */
  pongTimeout: number
  /** Largest event payload (bytes) accepted from the HTTP API or a client. */
  maxMessageSize: number
  /** Connection quota of the app (4004 beyond it); 0 means unlimited. */
  maxConnections: number
  /** Client events a connection may send per second (4301 beyond it). */
  clientEventsPerSecond: number
  /** Channels one connection may be subscribed to at once. */
  maxChannelsPerConnection: number
  /** 32-byte key from which each `private-encrypted-` channel's shared secret is derived. */
  encryptionMasterKey: Buffer
}

/** Engine-wide limits. */
export interface EngineLimits {
  /** Bytes queued for one socket beyond which it is cut off with 4100. */
  maxBufferedBytes: number
  /** Events kept per channel for recovery. */
  historySize: number
  /** Seconds events are kept for recovery. */
  historySeconds: number
  /** Seconds the last event of a cache channel is kept. */
  cacheSeconds: number
  /** Channels one HTTP API event may target (Pusher's limit is 100). */
  maxChannelsPerEvent: number
  /** Events one batch may hold (Pusher's limit is 10). */
  maxBatchSize: number
  /** Largest HTTP API request body in bytes. */
  maxRequestSize: number
  /** Open sockets one client address may hold (HTTP 429 on the upgrade beyond it); 0 means unlimited. */
  maxConnectionsPerIp: number
}

export interface EngineConfig {
  apps: RealtimeApp[]
  limits: EngineLimits
  /** True when development credentials were filled in because none were configured. */
  usingDevelopmentApp: boolean
  /** REDIS_URL: the apps share a cluster through this Redis (a RedisBroker each), else each runs alone. */
  redisUrl: string | null
}

type Env = Record<string, string | undefined>

/** Id and key of the app when none is configured (public values: they appear in every page). */
export const DEVELOPMENT_APP = { id: 'lookout', key: 'lookout-key' }

/**
 * Reads the engine configuration; throws with the variable's name when something is wrong. Without
 * REVERB_APP_SECRET the secret is `fallbackSecret()`: never a published constant, since whoever
 * knows it can sign any private or presence subscription.
 */
export function loadEngineConfig(env: Env, fallbackSecret: () => string = () => randomBytes(32).toString('hex')): EngineConfig {
  const production = env.APP_ENV === 'production'
  const missing = ['REVERB_APP_ID', 'REVERB_APP_KEY', 'REVERB_APP_SECRET'].filter(name => !env[name])
  if (production && missing.length > 0) {
    throw new Error(`APP_ENV=production requires ${missing.join(', ')} to be set`)
  }
  const app: RealtimeApp = {
    id: env.REVERB_APP_ID || DEVELOPMENT_APP.id,
    key: env.REVERB_APP_KEY || DEVELOPMENT_APP.key,
    secret: env.REVERB_APP_SECRET || fallbackSecret(),
    allowedOrigins: list(env.REVERB_ALLOWED_ORIGINS, []),
    activityTimeout: positive(env, 'REVERB_APP_ACTIVITY_TIMEOUT', 30),
    pongTimeout: positive(env, 'REVERB_APP_PONG_TIMEOUT', 30),
    maxMessageSize: positive(env, 'REVERB_APP_MAX_MESSAGE_SIZE', 10_000),
    maxConnections: nonNegative(env, 'REVERB_APP_MAX_CONNECTIONS', 0),
    clientEventsPerSecond: positive(env, 'REVERB_APP_CLIENT_EVENTS_PER_SECOND', 10),
    maxChannelsPerConnection: positive(env, 'REVERB_APP_MAX_CHANNELS_PER_CONNECTION', 500),
    encryptionMasterKey: Buffer.alloc(0),
  }
  app.encryptionMasterKey = masterKey(env.LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64, app.secret)
  const limits: EngineLimits = {
    maxBufferedBytes: positive(env, 'LOOKOUT_MAX_BUFFERED_BYTES', 4 * 1024 * 1024),
    historySize: positive(env, 'LOOKOUT_HISTORY_SIZE', 500),
    historySeconds: positive(env, 'LOOKOUT_HISTORY_SECONDS', 300),
    cacheSeconds: positive(env, 'LOOKOUT_CACHE_SECONDS', 1800),
    maxChannelsPerEvent: positive(env, 'LOOKOUT_MAX_CHANNELS_PER_EVENT', 100),
    maxBatchSize: positive(env, 'LOOKOUT_MAX_BATCH_SIZE', 10),
    maxRequestSize: positive(env, 'REVERB_SERVER_MAX_REQUEST_SIZE', 1_000_000),
    maxConnectionsPerIp: nonNegative(env, 'LOOKOUT_MAX_CONNECTIONS_PER_IP', 200),
  }
  return { apps: [app], limits, usingDevelopmentApp: missing.length > 0, redisUrl: env.REDIS_URL || null }
}

/** The configured key, or one derived from the app secret (which never leaves the server either). */
function masterKey(base64: string | undefined, secret: string): Buffer {
  if (!base64) return createHmac('sha256', secret).update('lookout encryption master key').digest()
  const key = Buffer.from(base64, 'base64')
  if (key.length !== 32) throw new Error('LOOKOUT_ENCRYPTION_MASTER_KEY_BASE64 must be 32 bytes, base64-encoded')
  return key
}

function list(value: string | undefined, fallback: string[]): string[] {
  const items = (value ?? '').split(',').map(item => item.trim()).filter(Boolean)
  return items.length > 0 ? items : fallback
}

function positive(env: Env, name: string, fallback: number): number {
  const value = nonNegative(env, name, fallback)
  if (value === 0) throw new Error(`${name} must be a positive number`)
  return value
}

function nonNegative(env: Env, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`)
  return value
}
