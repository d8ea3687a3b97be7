// Data points of a gateway with their latest values; guarded like the gateway.
import { authorizeGateway } from '../../../domain/policies'
import { listDataPoints } from '../../../domain/gateways/data-points'

export default defineEventHandler(async (event) => {
  const gatewayId = idParam(event, 'gateway')
  const db = await useDatabase()
  enforce(await authorizeGateway(db, await useActor(event), gatewayId))
  return { data: await listDataPoints(db, gatewayId) }
})
