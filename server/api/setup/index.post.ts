// The first run: creates the first tenant and its admin (the owner) and signs them in; 409 once any user exists.
import { activeUser } from '../../auth/actor'
import { startSession } from '../../auth/session'
import { runFirstSetup } from '../../domain/tenants/first-run'
import { newTenantSchema } from '../../domain/tenants/tenant-schema'

export default defineEventHandler(async (event) => {
  const input = await validBody(event, newTenantSchema)
  const created = await domainCall(async () => runFirstSetup(await useDomain(), input))
  const user = await activeUser(await useDatabase(), created.admin.id)
  const csrfToken = await startSession(event, created.admin.id)
  setResponseStatus(event, 201)
  return { user, csrfToken, tenant: created.tenant }
})
