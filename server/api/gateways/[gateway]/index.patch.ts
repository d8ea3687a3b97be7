// Changes a gateway's name, serial, offline delay or connection (admins of its tenant); the Modbus host must be
// inside MODBUS_ALLOWED_HOSTS.
import { requireAllowedHost } from '../../../devices/modbus/host-check'
import { updateGateway } from '../../../domain/gateways/gateway-admin'
import { gatewayChangeSchema } from '../../../domain/gateways/gateway-settings-schema'
import { authorizeAdmin } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const gatewayId = idParam(event, 'gateway')
  const actor = await useActor(event)
  const input = await validBody(event, gatewayChangeSchema)
  enforceAdminField(authorizeAdmin(actor), input.connection ? 'connection' : null)
  return {
    data: await domainCall(async () => {
      await requireAllowedHost(useModbusSettings().allowList, input.connection)
      return updateGateway(await useDomain(), actor, gatewayId, input)
    }),
  }
})
