// A vehicle's trips between ?from= and ?to= (default the last 24 hours), detected from its stored positions; guarded like its track.
import { authorizeVehicle } from '../../../domain/policies'
import { queryRange, tripQuerySchema } from '../../../domain/vehicles/trips/trip-query-schema'
import { vehicleTrips } from '../../../domain/vehicles/trips/vehicle-trips'

export default defineEventHandler(async (event) => {
  const vehicleId = idParam(event, 'vehicle')
  const ctx = await useDomain()
  enforce(await authorizeVehicle(ctx.db, await useActor(event), vehicleId))
  const query = validQuery(event, tripQuerySchema, 422)
  return { data: await vehicleTrips(ctx.db, vehicleId, queryRange(query, ctx.now()), ctx.now()) }
})
