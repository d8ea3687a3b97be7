// Resolves an active or acknowledged alert (operators and admins of its tenant); 409 when it is resolved already.
import { resolveAlert } from '../../../domain/alerts/alert-lifecycle'
import { messageFor } from '../../../i18n/reader-texts'

export default defineEventHandler(async (event) => {
  const alertId = idParam(event, 'alert')
  const actor = await useActor(event, 'command')
  const ctx = await useDomain()
  return { data: messageFor(await useReaderLocale(event), await domainCall(() => resolveAlert(ctx, actor, alertId))) }
})
