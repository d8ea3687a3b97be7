// Deletes (archives) a zone: it leaves lists, its nodes become unassigned, its history stays readable.
import { authorizeAdmin } from '../../../domain/policies'
import { archiveZone } from '../../../domain/zones/zone-admin'

export default defineEventHandler(async (event) => {
  const zoneId = idParam(event, 'zone')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  return { data: await domainCall(async () => archiveZone(await useDomain(), actor, zoneId)) }
})
