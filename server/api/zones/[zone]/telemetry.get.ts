// Telemetry history of a zone: `?metric=&from=&to=&deviceId=`, raw or downsampled (see telemetryHistory).
import { authorizeZone } from '../../../domain/policies'
import { telemetryHistory } from '../../../domain/zones/telemetry-history'
import { telemetryHistoryQuery } from '../../../domain/zones/telemetry-history-schema'

export default defineEventHandler(async (event) => {
  const zoneId = idParam(event, 'zone')
  const ctx = await useDomain()
  enforce(await authorizeZone(ctx.db, await useActor(event), zoneId))
  const query = validQuery(event, telemetryHistoryQuery)
  return { data: await domainCall(() => telemetryHistory(ctx.db, zoneId, query, ctx.now())) }
})
