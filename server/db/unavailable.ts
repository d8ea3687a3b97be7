// Tells a database that cannot be reached right now (down, restarting, unreachable) from a failing query.

/** Socket errors of a connection that could not be made or was lost. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * PostgreSQL SQLSTATEs of a server that is shutting down, starting or full: 57P01 admin_shutdown,
 * 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections (class 08 is checked apart).
 */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300'])

/** What node-postgres says, without a code, when a connection breaks or cannot be had in time. */
const DRIVER_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|not queryable/i

/** True when `error` (or an error it wraps, as drizzle wraps the driver's) means the database is unreachable now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth += 1) {
    const code = (current as Error & { code?: unknown }).code
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true
    if (DRIVER_MESSAGES.test(current.message)) return true
  }
  return false
}
