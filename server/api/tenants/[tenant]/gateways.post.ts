// Adds a gateway to the tenant (admins of the tenant).
import { createGateway } from '../../../domain/gateways/gateway-admin'
import { newGatewaySchema } from '../../../domain/gateways/gateway-settings-schema'
import { authorizeAdmin } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, newGatewaySchema)
  const gateway = await domainCall(async () => createGateway(await useDomain(), actor, tenantId, input))
  setResponseStatus(event, 201)
  return { data: gateway }
})
