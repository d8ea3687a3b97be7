// HMAC-SHA256 signatures of the Pusher protocol, checked in constant time.
import { createHmac, timingSafeEqual } from 'node:crypto'

/** Hex HMAC-SHA256 of `message` with `secret`. */
export function sign(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message).digest('hex')
}

/** Compares two hex signatures without leaking where they differ. */
export function safeEqualHex(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8')
  const b = Buffer.from(given, 'utf8')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The string a channel subscription signs: `socket_id:channel[:channel_data]`. */
export function channelAuthMessage(socketId: string, channel: string, channelData?: string): string {
  return channelData === undefined ? `${socketId}:${channel}` : `${socketId}:${channel}:${channelData}`
}

/** Signs a channel subscription as an auth endpoint does: `key:signature`. */
export function signChannelAuth(key: string, secret: string, socketId: string, channel: string, channelData?: string): string {
  return `${key}:${sign(secret, channelAuthMessage(socketId, channel, channelData))}`
}

/** Checks a `key:signature` auth string for a channel subscription. */
export function verifyChannelAuth(
  key: string, secret: string, auth: unknown, socketId: string, channel: string, channelData?: string,
): boolean {
  return verifyKeyedSignature(key, secret, auth, channelAuthMessage(socketId, channel, channelData))
}

/** Checks a `key:signature` auth string for `pusher:signin` (user authentication). */
export function verifyUserAuth(key: string, secret: string, auth: unknown, socketId: string, userData: string): boolean {
  return verifyKeyedSignature(key, secret, auth, `${socketId}::user::${userData}`)
}

/** Signs `pusher:signin` user data as a user-auth endpoint does. */
export function signUserAuth(key: string, secret: string, socketId: string, userData: string): string {
  return `${key}:${sign(secret, `${socketId}::user::${userData}`)}`
}

function verifyKeyedSignature(key: string, secret: string, auth: unknown, message: string): boolean {
  if (typeof auth !== 'string') return false
  const colon = auth.indexOf(':')
  if (colon < 0 || auth.slice(0, colon) !== key) return false
  return safeEqualHex(sign(secret, message), auth.slice(colon + 1))
}
