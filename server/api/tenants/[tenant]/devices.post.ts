// Adds a node (device) to the tenant, in a zone or none (admins of the tenant).
import { createDevice } from '../../../domain/devices/device-admin'
import { newDeviceSchema } from '../../../domain/devices/device-settings-schema'
import { authorizeAdmin } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, newDeviceSchema)
  const device = await domainCall(async () => createDevice(await useDomain(), actor, tenantId, input))
  setResponseStatus(event, 201)
  return { data: device }
})
