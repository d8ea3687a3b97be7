// Alerts of a tenant, newest first; guarded by the same policy as private-tenant.{t} channels.
import { and, desc, eq, lt } from 'drizzle-orm'
import { alerts } from '../../../db/schema'
import { authorizeTenant } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  const query = validQuery(event, pageQuery)
  const rows = await (await useDatabase()).select().from(alerts)
    .where(and(eq(alerts.tenantId, tenantId), query.before ? lt(alerts.id, query.before) : undefined))
    .orderBy(desc(alerts.id)).limit(query.limit)
  return page(rows, query)
})
