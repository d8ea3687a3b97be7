// Vehicles of a tenant (the fleet), newest first; guarded by the same policy as private-tenant.{t} channels.
import { and, desc, eq, isNull, lt } from 'drizzle-orm'
import { vehicles } from '../../../db/schema'
import { authorizeTenant } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  const query = validQuery(event, pageQuery)
  const rows = await (await useDatabase()).select().from(vehicles)
    .where(and(eq(vehicles.tenantId, tenantId), isNull(vehicles.archivedAt), query.before ? lt(vehicles.id, query.before) : undefined))
    .orderBy(desc(vehicles.id)).limit(query.limit)
  return page(rows, query)
})
