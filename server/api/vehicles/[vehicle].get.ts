// One vehicle: latest position, sensors, status and the geozones it is in; guarded like private-vehicle.{v}.
import { authorizeVehicle } from '../../domain/policies'
import { vehicleDetail } from '../../domain/vehicles/vehicle-queries'

export default defineEventHandler(async (event) => {
  const vehicleId = idParam(event, 'vehicle')
  const db = await useDatabase()
  enforce(await authorizeVehicle(db, await useActor(event), vehicleId))
  return { data: (await vehicleDetail(db, vehicleId))! }
})
