// A zone's snapshot (nodes with latest values, open alerts, recent commands): what a page reloads after a gap.
import { authorizeZone } from '../../../domain/policies'
import { zoneSnapshot } from '../../../domain/zones/zone-snapshot'
import { messageFor } from '../../../i18n/reader-texts'

export default defineEventHandler(async (event) => {
  const zoneId = idParam(event, 'zone')
  const ctx = await useDomain()
  enforce(await authorizeZone(ctx.db, await useActor(event), zoneId))
  const snapshot = await zoneSnapshot(ctx.db, zoneId, ctx.now())
  const locale = await useReaderLocale(event)
  return { data: snapshot && { ...snapshot, alerts: snapshot.alerts.map(alert => messageFor(locale, alert)) } }
})
