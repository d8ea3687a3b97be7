// One gateway with its data points grouped and their latest values; guarded like private-gateway.{g}.
import { authorizeGateway } from '../../../domain/policies'
import { gatewayDetail } from '../../../domain/gateways/gateway-detail'

export default defineEventHandler(async (event) => {
  const gatewayId = idParam(event, 'gateway')
  const db = await useDatabase()
  enforce(await authorizeGateway(db, await useActor(event), gatewayId))
  return { data: (await gatewayDetail(db, gatewayId))! }
})
