// Deletes (archives) a vehicle: it leaves the fleet list and map, its track stays readable.
import { authorizeAdmin } from '../../domain/policies'
import { archiveVehicle } from '../../domain/vehicles/vehicle-admin'

export default defineEventHandler(async (event) => {
  const vehicleId = idParam(event, 'vehicle')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  return { data: await domainCall(async () => archiveVehicle(await useDomain(), actor, vehicleId)) }
})
