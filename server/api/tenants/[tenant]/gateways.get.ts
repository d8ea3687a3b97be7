// Gateways of a tenant, newest first; guarded by the same policy as private-tenant.{t} channels.
import { and, desc, eq, isNull, lt } from 'drizzle-orm'
import { gateways } from '../../../db/schema'
import { authorizeTenant } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  const query = validQuery(event, pageQuery)
  const rows = await (await useDatabase()).select().from(gateways)
    .where(and(eq(gateways.tenantId, tenantId), isNull(gateways.archivedAt), query.before ? lt(gateways.id, query.before) : undefined))
    .orderBy(desc(gateways.id)).limit(query.limit)
  return page(rows, query)
})
