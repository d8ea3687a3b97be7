// The map's base as Lookout serves it: the offline base map's files (built from Natural Earth, see
// modules/offline-basemap.ts), the PMTiles archive's path and the configuration the page reads.

/** URL folder of the offline base map's GeoJSON files. */
export const BASEMAP_BASE_URL = '/basemap'

/** The offline base map's layers and their files. */
export const BASEMAP_FILES = { land: 'land.json', borders: 'borders.json' } as const

/** The URL of one offline base map layer's GeoJSON. */
export function basemapUrl(layer: keyof typeof BASEMAP_FILES): string {
  return `${BASEMAP_BASE_URL}/${BASEMAP_FILES[layer]}`
}

/** Where Lookout serves the MAP_PMTILES archive (with HTTP Range support). */
export const PMTILES_URL = '/api/map/tiles.pmtiles'

/** GET /api/map/config: the base the map page draws under the fleet. */
export interface MapConfig {
  /** MAP_STYLE_URL, the operator's own MapLibre style; it wins over everything else. */
  styleUrl: string | null
  /** PMTILES_URL when MAP_PMTILES is set. */
  pmtilesUrl: string | null
}
