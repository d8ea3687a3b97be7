// Changes a zone's name, targets or thresholds (admins of its tenant).
import { authorizeAdmin } from '../../../domain/policies'
import { updateZone } from '../../../domain/zones/zone-admin'
import { zoneChangeSchema } from '../../../domain/zones/zone-settings-schema'

export default defineEventHandler(async (event) => {
  const zoneId = idParam(event, 'zone')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, zoneChangeSchema)
  return { data: await domainCall(async () => updateZone(await useDomain(), actor, zoneId, input)) }
})
