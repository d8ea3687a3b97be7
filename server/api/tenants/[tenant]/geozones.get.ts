// Every geozone of a tenant, for the map; guarded like the tenant's other lists.
import { authorizeTenant } from '../../../domain/policies'
import { listGeozones } from '../../../domain/geozones/geozone-queries'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  return { data: await listGeozones(await useDatabase(), tenantId) }
})
