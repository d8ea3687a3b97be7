// A vehicle's track: positions between ?from= and ?to= (default the last hour), at most 5000 points; with
// ?format=csv every stored position of the range (none thinned out) as a streamed CSV download.
import { authorizeVehicle } from '../../../domain/policies'
import { POSITION_COLUMNS } from '../../../domain/exports/vehicle-columns'
import { trackQuerySchema } from '../../../domain/vehicles/track-schema'
import { positionPages } from '../../../domain/vehicles/trips/position-pages'
import { trackRange, vehicleTrack } from '../../../domain/vehicles/vehicle-track'

export default defineEventHandler(async (event) => {
  const vehicleId = idParam(event, 'vehicle')
  const ctx = await useDomain()
  enforce(await authorizeVehicle(ctx.db, await useActor(event), vehicleId))
  const query = validQuery(event, trackQuerySchema)
  if (query.format === 'csv') {
    const range = trackRange(query, ctx.now())
    return csvResponse(event, rangeFilename(`vehicle-${vehicleId}-track`, range), POSITION_COLUMNS, positionPages(ctx.db, vehicleId, range.from, range.to))
  }
  return { data: await vehicleTrack(ctx.db, vehicleId, query, ctx.now()) }
})
