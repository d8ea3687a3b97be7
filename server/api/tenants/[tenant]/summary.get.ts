// The dashboard's counters of a tenant (zones, gateways, vehicles, active alerts); guarded like private-tenant.{t} channels.
import { authorizeTenant } from '../../../domain/policies'
import { tenantSummary } from '../../../domain/zones/tenant-summary'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  return { data: await tenantSummary(await useDatabase(), tenantId) }
})
