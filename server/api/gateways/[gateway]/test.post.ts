// Test connection (admins): reads every data point of the gateway once over its Modbus connection, or over the
// `connection` in the body (settings not saved yet), and answers each value or error. Nothing is stored.
import { z } from 'zod'
import { modbusTcpConnectionSchema } from '../../../../shared/modbus'
import { connectionTestTarget } from '../../../domain/gateways/connection-test-target'
import { requireAllowedHost } from '../../../devices/modbus/host-check'
import { testConnection } from '../../../devices/modbus/connection-test'
import { authorizeAdmin, authorizeGateway } from '../../../domain/policies'

const testBodySchema = z.object({ connection: modbusTcpConnectionSchema.optional() })

export default defineEventHandler(async (event) => {
  const gatewayId = idParam(event, 'gateway')
  const actor = await useActor(event)
  const db = await useDatabase()
  enforce(await authorizeGateway(db, actor, gatewayId))
  enforce(authorizeAdmin(actor))
  const body = await validBody(event, testBodySchema)
  const settings = useModbusSettings()
  const target = await domainCall(async () => {
    const found = await connectionTestTarget(db, gatewayId, body.connection)
    await requireAllowedHost(settings.allowList, found.connection)
    return found
  })
  return { data: await testConnection(gatewayId, target.connection, target.points, settings.allowList) }
})
