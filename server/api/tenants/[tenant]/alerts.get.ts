// Alerts of a tenant (messages in the reader's language) with who acknowledged and resolved them, newest first, optionally `?status=` (active|acknowledged|resolved|open) and `?severity=`;
// guarded by the same policy as private-tenant.{t} channels.
import { and, desc, eq, inArray, lt } from 'drizzle-orm'
import { alerts } from '../../../db/schema'
import { alertListQuery } from '../../../domain/alerts/alert-list-schema'
import { alertPayloadsWithNames } from '../../../domain/alerts/alert-payload'
import { authorizeTenant } from '../../../domain/policies'
import { messageFor } from '../../../i18n/reader-texts'
import { OPEN_ALERT_STATUSES } from '../../../domain/zones/zone-status'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  const query = validQuery(event, alertListQuery)
  const status = query.status === 'open' ? inArray(alerts.status, [...OPEN_ALERT_STATUSES]) : query.status && eq(alerts.status, query.status)
  const db = await useDatabase()
  const rows = await db.select().from(alerts)
    .where(and(eq(alerts.tenantId, tenantId), query.before ? lt(alerts.id, query.before) : undefined, status, query.severity && eq(alerts.severity, query.severity)))
    .orderBy(desc(alerts.id)).limit(query.limit)
  const locale = await useReaderLocale(event)
  return page((await alertPayloadsWithNames(db, rows)).map(alert => messageFor(locale, alert)), query)
})
