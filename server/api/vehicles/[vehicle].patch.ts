// Changes a vehicle's name, plate, IMEI or speed limit (admins of its tenant).
import { authorizeAdmin } from '../../domain/policies'
import { updateVehicle } from '../../domain/vehicles/vehicle-admin'
import { vehicleChangeSchema } from '../../domain/vehicles/vehicle-settings-schema'

export default defineEventHandler(async (event) => {
  const vehicleId = idParam(event, 'vehicle')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, vehicleChangeSchema)
  return { data: await domainCall(async () => updateVehicle(await useDomain(), actor, vehicleId, input)) }
})
