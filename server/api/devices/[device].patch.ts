// Renames a node or assigns it to a zone or none (admins of its tenant).
import { updateDevice } from '../../domain/devices/device-admin'
import { deviceChangeSchema } from '../../domain/devices/device-settings-schema'
import { authorizeAdmin } from '../../domain/policies'

export default defineEventHandler(async (event) => {
  const deviceId = idParam(event, 'device')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, deviceChangeSchema)
  return { data: await domainCall(async () => updateDevice(await useDomain(), actor, deviceId, input)) }
})
