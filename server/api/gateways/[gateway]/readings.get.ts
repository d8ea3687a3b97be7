// Reading history of one data point of a gateway (raw or downsampled, at most 500 points); guarded like the gateway.
import { authorizeGateway } from '../../../domain/policies'
import { readingSeries } from '../../../domain/gateways/reading-series'
import { readingSeriesQuerySchema } from '../../../domain/gateways/reading-series-schema'

export default defineEventHandler(async (event) => {
  const gatewayId = idParam(event, 'gateway')
  const ctx = await useDomain()
  enforce(await authorizeGateway(ctx.db, await useActor(event), gatewayId))
  const query = validQuery(event, readingSeriesQuerySchema)
  return { data: await domainCall(() => readingSeries(ctx.db, gatewayId, query, ctx.now())) }
})
