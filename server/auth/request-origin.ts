// Login CSRF and cross-site requests: a cookie request that changes state must come from the server's own pages.
import type { H3Event } from 'h3'
import { createError, getRequestHeader } from 'h3'
import { isOriginAllowed } from '../realtime/origin'
import { trustsProxy } from './client-address'

/**
 * True when a state-changing browser request may proceed: its Origin is the server's own (same host
 * and port as the Host header) or one of `allowed` (REVERB_ALLOWED_ORIGINS); without an Origin,
 * unless the browser says `Sec-Fetch-Site: cross-site`. Clients that are not browsers send neither.
 */
export function isOwnOrigin(origin: string | undefined, fetchSite: string | undefined, host: string | undefined, allowed: string[]): boolean {
  if (origin === undefined) return fetchSite?.toLowerCase() !== 'cross-site'
  let originHost: string
  try {
    originHost = new URL(origin).host.toLowerCase()
  }
  catch {
    // `Origin: null` (sandboxed frames, cross-site redirects) and garbage are nobody's own.
    return false
  }
  if (host && originHost === host.toLowerCase()) return true
  return allowed.length > 0 && isOriginAllowed(allowed, origin, host)
}

/** Throws 403 when the request comes from another site's page (login included). */
export function refuseCrossSite(event: H3Event, env: Record<string, string | undefined> = process.env): void {
  const origin = getRequestHeader(event, 'origin')
  // Behind a trusted proxy the Host the browser used arrives as X-Forwarded-Host.
  const host = (trustsProxy(env) ? getRequestHeader(event, 'x-forwarded-host') : undefined) ?? getRequestHeader(event, 'host')
  const allowed = (env.REVERB_ALLOWED_ORIGINS ?? '').split(',').map(item => item.trim()).filter(Boolean)
  if (isOwnOrigin(origin, getRequestHeader(event, 'sec-fetch-site'), host, allowed)) return
  throw createError({ statusCode: 403, statusMessage: `Cross-site request refused: Origin ${origin ?? '(none, Sec-Fetch-Site: cross-site)'} is not this server's` })
}
