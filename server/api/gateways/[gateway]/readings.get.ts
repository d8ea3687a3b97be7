// Reading history of one data point of a gateway (raw or downsampled, at most 500 points); with `format=csv`
// every stored reading of the range as a streamed CSV download. Guarded like the gateway.
import { authorizeGateway } from '../../../domain/policies'
import { READING_COLUMNS, readingPages } from '../../../domain/exports/series-exports'
import { readingRange, readingSeries } from '../../../domain/gateways/reading-series'
import { readingSeriesQuerySchema } from '../../../domain/gateways/reading-series-schema'

export default defineEventHandler(async (event) => {
  const gatewayId = idParam(event, 'gateway')
  const ctx = await useDomain()
  enforce(await authorizeGateway(ctx.db, await useActor(event), gatewayId))
  const query = validQuery(event, readingSeriesQuerySchema)
  if (query.format === 'csv') {
    const { point, ...range } = await domainCall(() => readingRange(ctx.db, gatewayId, query, ctx.now()))
    return csvResponse(event, rangeFilename(`gateway-${gatewayId}-point-${point.id}`, range), READING_COLUMNS, readingPages(ctx.db, point.id, range))
  }
  return { data: await domainCall(() => readingSeries(ctx.db, gatewayId, query, ctx.now())) }
})
