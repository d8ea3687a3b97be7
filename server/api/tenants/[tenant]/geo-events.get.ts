// Geozone enter/exit events of a tenant, newest first; guarded like private-tenant.{t}.fleet.
import { authorizeTenant } from '../../../domain/policies'
import { listGeoEvents } from '../../../domain/geozones/geozone-queries'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  enforce(authorizeTenant(await useActor(event), tenantId))
  const query = validQuery(event, pageQuery)
  return page(await listGeoEvents(await useDatabase(), tenantId, query), query)
})
