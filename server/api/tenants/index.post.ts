// The installation's owner creates a further tenant and its first admin.
import { createTenant } from '../../domain/tenants/first-run'
import { newTenantSchema } from '../../domain/tenants/tenant-schema'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  const input = await validBody(event, newTenantSchema)
  const created = await domainCall(async () => createTenant(await useDomain(), actor, input))
  setResponseStatus(event, 201)
  return { data: { tenant: created.tenant, admin: created.admin } }
})
