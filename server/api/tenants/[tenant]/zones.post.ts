// Creates a zone with targets and thresholds (admins of the tenant).
import { authorizeAdmin } from '../../../domain/policies'
import { createZone } from '../../../domain/zones/zone-admin'
import { newZoneSchema } from '../../../domain/zones/zone-settings-schema'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, newZoneSchema)
  const zone = await domainCall(async () => createZone(await useDomain(), actor, tenantId, input))
  setResponseStatus(event, 201)
  return { data: zone }
})
