// Telemetry history of a zone: `?metric=&from=&to=&deviceId=`, raw or downsampled (see telemetryHistory);
// with `format=csv` every stored sample of the range as a streamed CSV download.
import { authorizeZone } from '../../../domain/policies'
import { TELEMETRY_COLUMNS, telemetryPages } from '../../../domain/exports/series-exports'
import { telemetryHistory, telemetryRange } from '../../../domain/zones/telemetry-history'
import { telemetryHistoryQuery } from '../../../domain/zones/telemetry-history-schema'
import { RAW_HISTORY_DAYS } from '../../../domain/zones/telemetry-history-split'

export default defineEventHandler(async (event) => {
  const zoneId = idParam(event, 'zone')
  const ctx = await useDomain()
  enforce(await authorizeZone(ctx.db, await useActor(event), zoneId))
  const query = validQuery(event, telemetryHistoryQuery)
  if (query.format === 'csv') {
    const range = await domainCall(async () => telemetryRange(query, ctx.now()))
    return csvResponse(event, rangeFilename(`zone-${zoneId}-${query.metric}`, range), TELEMETRY_COLUMNS, telemetryPages(ctx.db, zoneId, query, range))
  }
  // Raw rows older than their retention are gone: the rollups answer for that part.
  const rawDays = Math.min(RAW_HISTORY_DAYS, ctx.settings.retentionDays)
  return { data: await domainCall(() => telemetryHistory(ctx.db, zoneId, query, ctx.now(), rawDays)) }
})
