// Changes a geozone's name, shape or colour (the 'command' ability, the geozone's tenant only).
import { updateGeozone } from '../../domain/geozones/geozone-admin'
import { updateGeozoneSchema } from '../../domain/geozones/geozone-schema'

export default defineEventHandler(async (event) => {
  const geozoneId = idParam(event, 'geozone')
  const actor = await useActor(event, 'command')
  const input = await validBody(event, updateGeozoneSchema)
  return { data: await domainCall(async () => updateGeozone(await useDomain(), actor, geozoneId, input)) }
})
