// Commands of a tenant, any zone, newest first; guarded by the same policy as private-tenant.{t} channels.
import { and, desc, eq, lt } from 'drizzle-orm'
import { commands } from '../../../db/schema'
import { authorizeTenant } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  const query = validQuery(event, pageQuery)
  const rows = await (await useDatabase()).select().from(commands)
    .where(and(eq(commands.tenantId, tenantId), query.before ? lt(commands.id, query.before) : undefined))
    .orderBy(desc(commands.id)).limit(query.limit)
  return page(rows, query)
})
