// Deletes (archives) a gateway: it leaves lists, its readings stay readable.
import { archiveGateway } from '../../../domain/gateways/gateway-admin'
import { authorizeAdmin } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const gatewayId = idParam(event, 'gateway')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  return { data: await domainCall(async () => archiveGateway(await useDomain(), actor, gatewayId)) }
})
