// Changes a gateway's name, serial or offline delay (admins of its tenant).
import { updateGateway } from '../../../domain/gateways/gateway-admin'
import { gatewayChangeSchema } from '../../../domain/gateways/gateway-settings-schema'
import { authorizeAdmin } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const gatewayId = idParam(event, 'gateway')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, gatewayChangeSchema)
  return { data: await domainCall(async () => updateGateway(await useDomain(), actor, gatewayId, input)) }
})
