// The first run: creates the first tenant and its admin (the owner) and signs them in; 409 once any user exists.
import { activeUser } from '../../auth/actor'
import { requestAddress } from '../../auth/client-address'
import { refuseCrossSite } from '../../auth/request-origin'
import { sessionMaxAge, startSession } from '../../auth/session'
import { createSessionRecord } from '../../auth/session-records'
import { runFirstSetup } from '../../domain/tenants/first-run'
import { newTenantSchema } from '../../domain/tenants/tenant-schema'

export default defineEventHandler(async (event) => {
  // Like login: another site must not run the first setup and sign this browser in as its owner.
  refuseCrossSite(event)
  const input = await validBody(event, newTenantSchema)
  const created = await domainCall(async () => runFirstSetup(await useDomain(), input))
  const db = await useDatabase()
  const user = await activeUser(db, created.admin.id)
  const record = await createSessionRecord(db, created.admin.id, { address: requestAddress(event), userAgent: getRequestHeader(event, 'user-agent') }, sessionMaxAge())
  const csrfToken = await startSession(event, created.admin.id, record.secret)
  setResponseStatus(event, 201)
  return { user, csrfToken, tenant: created.tenant }
})
