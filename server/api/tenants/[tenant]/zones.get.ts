// Zones of a tenant with status, node, open alert and pending command counts; guarded like private-tenant.{t} channels.
import { authorizeTenant } from '../../../domain/policies'
import { listZones } from '../../../domain/zones/zone-list'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  return { data: await listZones(await useDatabase(), tenantId) }
})
