// Deletes a geozone (the 'command' ability, the geozone's tenant only); vehicles inside it leave it silently.
import { deleteGeozone } from '../../domain/geozones/geozone-admin'

export default defineEventHandler(async (event) => {
  const geozoneId = idParam(event, 'geozone')
  const actor = await useActor(event, 'command')
  return { data: await domainCall(async () => deleteGeozone(await useDomain(), actor, geozoneId)) }
})
