// Browser connection-metrics reports: validated, size- and rate-limited, aggregated into metrics.
import { resolveActor } from '../auth/actor'
import { FixedWindowLimiter } from '../auth/fixed-window-limiter'
import { csrfMatches, XSRF_HEADER } from '../auth/session'
import { connectionMetricsReportSchema } from '../../shared/connection-metrics-schema'

const MAX_BYTES = 32 * 1024
const perUser = new FixedWindowLimiter(30)

export default defineEventHandler(async (event) => {
  if (Number(getRequestHeader(event, 'content-length') ?? 0) > MAX_BYTES) throw createError({ statusCode: 413, statusMessage: `body: at most ${MAX_BYTES} bytes` })
  const actor = await resolveActor(await useDatabase(), event)
  if (!actor) throw createError({ statusCode: 401, statusMessage: 'Log in first' })
  const report = await validBody(event, connectionMetricsReportSchema)
  // sendBeacon cannot set headers, so the CSRF token may come in the body instead.
  if (actor.via === 'session' && !csrfMatches({ csrf: actor.csrf }, getRequestHeader(event, XSRF_HEADER) ?? report.xsrf)) {
    throw createError({ statusCode: 419, statusMessage: 'X-XSRF-TOKEN header or xsrf field missing or wrong (CSRF protection)' })
  }
  const limit = perUser.hit(String(actor.user.id))
  if (!limit.allowed) {
    setResponseHeader(event, 'retry-after', limit.retryAfter)
    throw createError({ statusCode: 429, statusMessage: `Too many connection-metrics reports; retry after ${limit.retryAfter} s` })
  }
  useConnectionMetricsReport().record(report, actor.user.tenantId)
  setResponseStatus(event, 202)
  return { accepted: true }
})
