// Deletes (archives) a data point: it leaves its gateway's list, its readings stay readable.
import { archiveDataPoint } from '../../domain/gateways/data-point-admin'

export default defineEventHandler(async (event) => {
  const pointId = idParam(event, 'point')
  const actor = await useActor(event, 'command')
  return { data: await domainCall(async () => archiveDataPoint(await useDomain(), actor, pointId)) }
})
