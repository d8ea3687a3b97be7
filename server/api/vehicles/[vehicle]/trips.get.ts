// A vehicle's trips between ?from= and ?to= (default the last 24 hours) detected from its stored positions,
// as JSON or, with ?format=csv, a streamed CSV download; guarded like its track.
import { authorizeVehicle } from '../../../domain/policies'
import { TRIP_COLUMNS } from '../../../domain/exports/vehicle-columns'
import { queryRange, tripQuerySchema } from '../../../domain/vehicles/trips/trip-query-schema'
import { allOf, tripPages } from '../../../domain/vehicles/trips/vehicle-trips'

export default defineEventHandler(async (event) => {
  const vehicleId = idParam(event, 'vehicle')
  const ctx = await useDomain()
  enforce(await authorizeVehicle(ctx.db, await useActor(event), vehicleId))
  const query = validQuery(event, tripQuerySchema, 422)
  const range = queryRange(query, ctx.now())
  const pages = tripPages(ctx.db, vehicleId, range, ctx.now())
  if (query.format === 'csv') return csvResponse(event, rangeFilename(`vehicle-${vehicleId}-trips`, range), TRIP_COLUMNS, pages)
  return { data: await allOf(pages) }
})
