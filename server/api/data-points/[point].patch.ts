// Changes a data point (operators and admins, the 'command' ability that adds them, of its tenant).
import { updateDataPoint } from '../../domain/gateways/data-point-admin'
import { dataPointChangeSchema } from '../../domain/gateways/gateway-settings-schema'

export default defineEventHandler(async (event) => {
  const pointId = idParam(event, 'point')
  const actor = await useActor(event, 'command')
  const input = await validBody(event, dataPointChangeSchema)
  return { data: await domainCall(async () => updateDataPoint(await useDomain(), actor, pointId, input)) }
})
