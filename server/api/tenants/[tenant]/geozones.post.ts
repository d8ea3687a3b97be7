// Draws a geozone in the tenant (operators and admins: the 'command' ability).
import { createGeozone } from '../../../domain/geozones/geozone-admin'
import { createGeozoneSchema } from '../../../domain/geozones/geozone-schema'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  const actor = await useActor(event, 'command')
  const input = await validBody(event, createGeozoneSchema)
  const geozone = await domainCall(async () => createGeozone(await useDomain(), actor, tenantId, input))
  setResponseStatus(event, 201)
  return { data: geozone }
})
