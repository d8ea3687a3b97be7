// The sealed, HTTP-only browser session (h3's iron-sealed cookie) and its CSRF token.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { H3Event } from 'h3'
import { storedSecret } from './stored-secret'
import { clearSession, deleteCookie, getCookie, getRequestProtocol, setCookie, useSession } from 'h3'

export const SESSION_COOKIE = 'lookout_session'
/** Readable by page scripts, which echo it in the `X-XSRF-TOKEN` header (Laravel's convention). */
export const XSRF_COOKIE = 'XSRF-TOKEN'
export const XSRF_HEADER = 'x-xsrf-token'

export interface SessionData {
  userId?: number
  csrf?: string
  /** Secret naming the server-side session record (see session-records.ts). */
  sid?: string
}

let secret: string | null = null

/**
 * The key sealing session cookies: SESSION_SECRET, or in development a random one kept in the
 * data folder so sessions survive restarts. Production without SESSION_SECRET is refused at start.
 */
export function sessionSecret(): string {
  if (secret) return secret
  const configured = process.env.SESSION_SECRET
  if (configured) {
    if (configured.length < 32) throw new Error('SESSION_SECRET must be at least 32 characters')
    secret = configured
    return secret
  }
  if (process.env.APP_ENV === 'production') throw new Error('APP_ENV=production requires SESSION_SECRET to be set')
  secret = storedSecret('session-secret').value
  return secret
}

/** Seconds a session lives after login (SESSION_MAX_AGE, default 8 hours: one shift). */
export function sessionMaxAge(): number {
  const value = Number(process.env.SESSION_MAX_AGE || 8 * 3600)
  return Number.isFinite(value) && value > 0 ? value : 8 * 3600
}

function config(event: H3Event) {
  const secure = getRequestProtocol(event, { xForwardedProto: true }) === 'https'
  return {
    name: SESSION_COOKIE,
    password: sessionSecret(),
    maxAge: sessionMaxAge(),
    cookie: { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' },
  }
}

/** The session's data, or null when the request carries no (valid, unexpired) session cookie. */
export async function readSession(event: H3Event): Promise<SessionData | null> {
  if (!getCookie(event, SESSION_COOKIE)) return null
  const session = await useSession<SessionData>(event, config(event))
  return session.data.userId ? session.data : null
}

/** Starts a session for `userId` (its record's secret `sid`) with a fresh CSRF token, and hands the token to page scripts. */
export async function startSession(event: H3Event, userId: number, sid: string): Promise<string> {
  await clearSession(event, config(event))
  const session = await useSession<SessionData>(event, config(event))
  const csrf = randomBytes(24).toString('base64url')
  await session.update({ userId, csrf, sid })
  shareCsrfToken(event, csrf)
  return csrf
}

/** Sets the readable XSRF-TOKEN cookie. */
export function shareCsrfToken(event: H3Event, csrf: string): void {
  const secure = getRequestProtocol(event, { xForwardedProto: true }) === 'https'
  setCookie(event, XSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'lax', secure, path: '/', maxAge: sessionMaxAge() })
}

/** Ends the session: both cookies expire at once (h3's clearSession alone leaves an empty session cookie behind). */
export async function endSession(event: H3Event): Promise<void> {
  const { cookie } = config(event)
  await clearSession(event, config(event))
  deleteCookie(event, SESSION_COOKIE, cookie)
  deleteCookie(event, XSRF_COOKIE, { ...cookie, httpOnly: false })
}

/** True when the request's X-XSRF-TOKEN header matches the session's token. */
export function csrfMatches(session: SessionData, header: string | undefined): boolean {
  if (!session.csrf || !header) return false
  const expected = Buffer.from(session.csrf)
  const given = Buffer.from(header)
  return expected.length === given.length && timingSafeEqual(expected, given)
}
