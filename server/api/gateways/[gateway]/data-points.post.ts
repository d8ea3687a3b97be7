// Adds a data point (Modbus register) to a gateway; operators and admins ('command' ability) of its tenant.
import { addDataPoint } from '../../../domain/gateways/data-points'
import { dataPointInputSchema } from '../../../domain/gateways/data-point-schema'
import { authorizeGateway } from '../../../domain/policies'

export default defineEventHandler(async (event) => {
  const gatewayId = idParam(event, 'gateway')
  const actor = await useActor(event, 'command')
  const ctx = await useDomain()
  enforce(await authorizeGateway(ctx.db, actor, gatewayId))
  const input = await validBody(event, dataPointInputSchema)
  const point = await domainCall(() => addDataPoint(ctx, { tenantId: actor.user.tenantId, gatewayId, actorUserId: actor.user.id }, input))
  setResponseStatus(event, 201)
  return { data: point }
})
