// The client's address for rate and connection limits: X-Forwarded-For counts only behind a trusted proxy.
import type { H3Event } from 'h3'
import { getRequestHeader } from 'h3'

/** True when LOOKOUT_TRUST_PROXY=true: a reverse proxy in front of Lookout sets X-Forwarded-For. */
export function trustsProxy(env: Record<string, string | undefined> = process.env): boolean {
  return env.LOOKOUT_TRUST_PROXY === 'true'
}

/**
 * The address limits are counted by. Without a trusted proxy it is the socket's peer, whatever the
 * client claims; behind one it is the last X-Forwarded-For entry, the address the proxy itself saw
 * (entries before it were sent by the client and prove nothing).
 */
export function clientAddress(remoteAddress: string | undefined, forwardedFor: string | null | undefined, trustProxy: boolean): string {
  const forwarded = trustProxy ? forwardedFor?.split(',').map(entry => entry.trim()).filter(Boolean).at(-1) : undefined
  const address = forwarded ?? remoteAddress ?? 'unknown'
  // IPv4 clients of a dual-stack listener appear as ::ffff:a.b.c.d; count them as a.b.c.d.
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').toLowerCase()
}

/** The client address of an HTTP request. */
export function requestAddress(event: H3Event): string {
  return clientAddress(event.node.req.socket?.remoteAddress, getRequestHeader(event, 'x-forwarded-for'), trustsProxy())
}
