// Per vehicle per day: distance, driving and idle time, top speed, geozone visits and speeding events over
// ?from=&to= (default the last 7 days) in ?timeZone= (default UTC), for ?vehicles=1,2 (default all); ?format=csv streams a download.
import { authorizeTenant } from '../../../domain/policies'
import { SUMMARY_COLUMNS } from '../../../domain/exports/vehicle-columns'
import { summaryQuerySchema } from '../../../domain/vehicles/trips/summary-query-schema'
import { allOf } from '../../../domain/vehicles/trips/vehicle-trips'
import { summaryRange, vehicleSummaryPages } from '../../../domain/vehicles/trips/vehicle-summaries'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  const ctx = await useDomain()
  const query = validQuery(event, summaryQuerySchema, 422)
  const pages = await domainCall(() => vehicleSummaryPages(ctx.db, tenantId, query, ctx.now()))
  if (query.format === 'csv') return csvResponse(event, rangeFilename(`vehicle-summaries-${tenantId}`, summaryRange(query, ctx.now())), SUMMARY_COLUMNS, pages)
  return { data: await allOf(pages) }
})
