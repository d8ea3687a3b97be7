// Deletes (archives) a node: it leaves lists and its zone, its telemetry stays readable.
import { archiveDevice } from '../../domain/devices/device-admin'
import { authorizeAdmin } from '../../domain/policies'

export default defineEventHandler(async (event) => {
  const deviceId = idParam(event, 'device')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  return { data: await domainCall(async () => archiveDevice(await useDomain(), actor, deviceId)) }
})
