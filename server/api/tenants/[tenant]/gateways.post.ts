// Adds a gateway to the tenant (admins of the tenant); a Modbus host must be inside MODBUS_ALLOWED_HOSTS.
import { requireAllowedHost } from '../../../devices/modbus/host-check'
import { createGateway } from '../../../domain/gateways/gateway-admin'
import { newGatewaySchema } from '../../../domain/gateways/gateway-settings-schema'
import { authorizeAdmin } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  const actor = await useActor(event)
  const input = await validBody(event, newGatewaySchema)
  enforceAdminField(authorizeAdmin(actor), input.connection.protocol === 'modbus-tcp' ? 'connection' : null)
  const gateway = await domainCall(async () => {
    await requireAllowedHost(useModbusSettings().allowList, input.connection)
    return createGateway(await useDomain(), actor, tenantId, input)
  })
  setResponseStatus(event, 201)
  return { data: gateway }
})
