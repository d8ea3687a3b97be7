// Adds a vehicle to the tenant (admins of the tenant).
import { authorizeAdmin } from '../../../domain/policies'
import { createVehicle } from '../../../domain/vehicles/vehicle-admin'
import { newVehicleSchema } from '../../../domain/vehicles/vehicle-settings-schema'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, newVehicleSchema)
  const vehicle = await domainCall(async () => createVehicle(await useDomain(), actor, tenantId, input))
  setResponseStatus(event, 201)
  return { data: vehicle }
})
