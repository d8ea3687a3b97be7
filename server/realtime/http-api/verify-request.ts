// Checks an HTTP API request's signature exactly as Pusher's server SDKs produce it.
import { createHash } from 'node:crypto'
import type { RealtimeApp } from '../app-config'
import { safeEqualHex, sign } from '../signature'
import type { ApiRequest, ApiResult } from './api-request'
import { apiError } from './api-request'

/** Timestamps further than this from the server's clock are refused. */
export const MAX_CLOCK_SKEW_SECONDS = 600

/** Null when the request is authentic, else the error to answer with (401). */
export function verifyApiRequest(app: RealtimeApp, request: ApiRequest, nowMs: number = Date.now()): ApiResult | null {
  const { query } = request
  if (query.get('auth_key') !== app.key) return apiError(401, 'Unknown auth_key')
  const timestamp = Number(query.get('auth_timestamp'))
  if (!Number.isFinite(timestamp)) return apiError(401, 'Missing or invalid auth_timestamp')
  if (Math.abs(nowMs / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    return apiError(401, `auth_timestamp is more than ${MAX_CLOCK_SKEW_SECONDS} s from the server's time`)
  }
  if (query.get('auth_version') !== '1.0') return apiError(401, 'auth_version must be 1.0')
  // A signed body_md5 binds the body even when the body arrives empty (stripped in transit).
  const bodyMd5 = query.get('body_md5')
  if (request.body.length > 0 || bodyMd5 !== null) {
    if (bodyMd5 !== createHash('md5').update(request.body).digest('hex')) return apiError(401, 'body_md5 does not match the body')
  }
  const signature = query.get('auth_signature') ?? ''
  if (!safeEqualHex(sign(app.secret, stringToSign(request)), signature)) return apiError(401, 'Invalid auth_signature')
  return null
}

/** `METHOD\nPATH\nsorted k=v pairs` without the signature, as the SDKs sign it. */
export function stringToSign(request: ApiRequest): string {
  const pairs = [...request.query]
    .filter(([key]) => key !== 'auth_signature')
    .map(([key, value]) => [key.toLowerCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const query = pairs.map(([key, value]) => `${key}=${value}`).join('&')
  return [request.method.toUpperCase(), request.path.split('?')[0], query].join('\n')
}
