// The activity feed of a tenant, newest first, in the reader's language; guarded by the same policy as private-tenant.{t} channels.
import { and, desc, eq, lt } from 'drizzle-orm'
import { activityEvents } from '../../../db/schema'
import { authorizeTenant } from '../../../domain/policies'
import { messageFor } from '../../../i18n/reader-texts'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  const query = validQuery(event, pageQuery)
  const rows = await (await useDatabase()).select().from(activityEvents)
    .where(and(eq(activityEvents.tenantId, tenantId), query.before ? lt(activityEvents.id, query.before) : undefined))
    .orderBy(desc(activityEvents.id)).limit(query.limit)
  const locale = await useReaderLocale(event)
  return page(rows.map(row => messageFor(locale, row)), query)
})
