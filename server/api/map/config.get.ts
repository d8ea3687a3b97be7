// The map's base: MAP_STYLE_URL (the operator's style), else MAP_PMTILES (an archive Lookout serves, styled in
// the page), else neither (the page's built-in offline map).
import type { MapConfig } from '../../../shared/map'
import { PMTILES_URL } from '../../../shared/map'

export default defineEventHandler(async (event): Promise<MapConfig> => {
  await useActor(event)
  return {
    styleUrl: process.env.MAP_STYLE_URL || null,
    pmtilesUrl: process.env.MAP_PMTILES ? PMTILES_URL : null,
  }
})
