// A vehicle's track: positions between ?from= and ?to= (default the last hour), at most 5000 points.
import { authorizeVehicle } from '../../../domain/policies'
import { trackQuerySchema } from '../../../domain/vehicles/track-schema'
import { vehicleTrack } from '../../../domain/vehicles/vehicle-track'

export default defineEventHandler(async (event) => {
  const vehicleId = idParam(event, 'vehicle')
  const ctx = await useDomain()
  enforce(await authorizeVehicle(ctx.db, await useActor(event), vehicleId))
  const query = validQuery(event, trackQuerySchema)
  return { data: await vehicleTrack(ctx.db, vehicleId, query, ctx.now()) }
})
