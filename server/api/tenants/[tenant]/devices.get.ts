// Device nodes of a tenant, newest first, `?unassigned=true` for the ones in no zone; guarded by the same
// policy as private-tenant.{t} channels.
import { and, desc, eq, isNull, lt } from 'drizzle-orm'
import { z } from 'zod'
import { devices } from '../../../db/schema'
import { authorizeTenant } from '../../../domain/policies'

const deviceListQuery = pageQuery.extend({ unassigned: z.enum(['true', 'false']).optional() })

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  const query = validQuery(event, deviceListQuery)
  const rows = await (await useDatabase()).select().from(devices)
    .where(and(eq(devices.tenantId, tenantId), isNull(devices.archivedAt), query.before ? lt(devices.id, query.before) : undefined, query.unassigned === 'true' ? isNull(devices.zoneId) : undefined))
    .orderBy(desc(devices.id)).limit(query.limit)
  return page(rows, query)
})
