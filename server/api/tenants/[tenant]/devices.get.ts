// Device nodes of a tenant, newest first; guarded by the same policy as private-tenant.{t} channels.
import { and, desc, eq, lt } from 'drizzle-orm'
import { devices } from '../../../db/schema'
import { authorizeTenant } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  const query = validQuery(event, pageQuery)
  const rows = await (await useDatabase()).select().from(devices)
    .where(and(eq(devices.tenantId, tenantId), query.before ? lt(devices.id, query.before) : undefined))
    .orderBy(desc(devices.id)).limit(query.limit)
  return page(rows, query)
})
