// Rate limits of the channel-auth endpoints, per user and per client address (429 with Retry-After).
import type { H3Event } from 'h3'
import { createError, setResponseHeader } from 'h3'
import { requestAddress } from './client-address'
import { FixedWindowLimiter } from './fixed-window-limiter'

const perUser = new FixedWindowLimiter(Number(process.env.BROADCAST_AUTH_PER_MINUTE_USER || 240))
const perAddress = new FixedWindowLimiter(Number(process.env.BROADCAST_AUTH_PER_MINUTE_IP || 600))

/** Counts an auth request; throws 429 when the user or the address is over its limit. */
export function limitAuthRequests(event: H3Event, userId: number | null): void {
  const address = requestAddress(event)
  const byAddress = perAddress.hit(address)
  const byUser = userId === null ? byAddress : perUser.hit(String(userId))
  const retryAfter = Math.max(byAddress.allowed ? 0 : byAddress.retryAfter, byUser.allowed ? 0 : byUser.retryAfter)
  if (retryAfter > 0) {
    setResponseHeader(event, 'retry-after', retryAfter)
    throw createError({ statusCode: 429, statusMessage: `Too many auth requests; retry after ${retryAfter} s` })
  }
}
