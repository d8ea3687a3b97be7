// Signatures made by hand for the test app, for requests the SDKs cannot produce (forged, stale, mismatched).
import { createHash, createHmac } from 'node:crypto'
import { TEST_APP } from './server-process'

/** The `key:signature` a channel auth endpoint would answer for this socket and channel (and presence data). */
export function channelAuth(socketId: string, channel: string, channelData?: string, secret = TEST_APP.secret): string {
  const message = channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`
  return `${TEST_APP.key}:${createHmac('sha256', secret).update(message).digest('hex')}`
}

/** The `key:signature` a user-auth endpoint would answer for `pusher:signin` with this user data. */
export function userAuth(socketId: string, userData: string): string {
  return `${TEST_APP.key}:${createHmac('sha256', TEST_APP.secret).update(`${socketId}::user::${userData}`).digest('hex')}`
}

export interface SigningOptions {
  /** Seconds since the epoch to sign with (default: now). */
  timestamp?: number
  secret?: string
  /** The body whose MD5 is signed (default: the body sent). */
  signedBody?: string
  params?: Record<string, string>
}

/** A query string signed as Pusher's SDKs sign an HTTP API call: sorted `k=v` pairs, then `auth_signature`. */
export function signedApiQuery(method: string, path: string, body: string, options: SigningOptions = {}): string {
  const { timestamp = Math.floor(Date.now() / 1000), secret = TEST_APP.secret, signedBody = body, params = {} } = options
  const pairs: Record<string, string> = { auth_key: TEST_APP.key, auth_timestamp: String(timestamp), auth_version: '1.0', ...params }
  if (signedBody.length > 0) pairs.body_md5 = createHash('md5').update(signedBody).digest('hex')
  const query = Object.entries(pairs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => `${key}=${value}`).join('&')
  const signature = createHmac('sha256', secret).update([method, path, query].join('\n')).digest('hex')
  return `${query}&auth_signature=${signature}`
}
