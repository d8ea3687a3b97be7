// Opens MapLibre in the browser: the library and its worker load on demand (on the map page only). The base is
// the operator's style (MAP_STYLE_URL) when there is one, else their PMTiles archive (MAP_PMTILES), else the
// built-in offline map; everything but the operator's style is served by Lookout itself.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl'
import type { MapConfig } from '#shared/map'
import { offlineStyle } from './map-style'

export type MapBase = 'offline' | 'pmtiles' | 'custom'

export interface OpenedMap {
  map: MapLibreMap
  /** The base shown now (the graticule and themed paint belong to 'offline'). */
  base: () => MapBase
  /** The base style for the page's theme; null for the operator's own style, which has one look. */
  themedStyle: (dark: boolean) => StyleSpecification | null
}

/**
 * The map in `container`, or null when the browser cannot give it a WebGL context. An operator's style or
 * archive that fails to load is replaced by the built-in map, and `onProblem` says so (with the key of its words).
 */
export async function openMap(container: HTMLElement, dark: () => boolean, onProblem: (messageKey: string) => void): Promise<OpenedMap | null> {
  const [maplibregl, config] = await Promise.all([
    import('maplibre-gl'),
    $fetch<MapConfig>('/api/map/config').catch((): MapConfig => ({ styleUrl: null, pmtilesUrl: null })),
  ])
  maplibregl.setWorkerUrl(workerUrl)
  const origin = window.location.origin
  let base: MapBase = config.styleUrl ? 'custom' : config.pmtilesUrl ? 'pmtiles' : 'offline'
  const archiveStyle = base === 'pmtiles' ? await archiveStyleFor(new URL(config.pmtilesUrl!, origin).href, maplibregl.addProtocol) : null
  const themedStyle = (isDark: boolean): StyleSpecification | null =>
    base === 'offline' ? offlineStyle(isDark, origin) : base === 'pmtiles' ? archiveStyle!(isDark) : null
  let map: MapLibreMap
  try {
    // No label fade-in: with software WebGL every faded frame is a full repaint, and live positions re-place labels every second.
    map = new maplibregl.Map({ container, style: config.styleUrl ?? themedStyle(dark())!, center: [0, 20], zoom: 1, attributionControl: { compact: true }, fadeDuration: 0 })
  }
  catch {
    return null
  }
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left')
  map.on('error', (event) => {
    // Errors after a style has loaded (a missing tile, say) leave the map usable: report them only.
    if (base === 'offline' || map.isStyleLoaded()) return console.error(event.error)
    onProblem(base === 'custom' ? 'map.problems.customStyle' : 'map.problems.pmtiles')
    base = 'offline'
    map.setStyle(offlineStyle(dark(), origin))
  })
  return { map, base: () => base, themedStyle: isDark => themedStyle(isDark) }
}

/** Registers the `pmtiles://` protocol and gives the archive's style for a theme (loaded only when configured). */
async function archiveStyleFor(archiveUrl: string, addProtocol: typeof import('maplibre-gl').addProtocol): Promise<(dark: boolean) => StyleSpecification> {
  const { pmtilesProtocol, pmtilesStyle } = await import('./pmtiles-style')
  addProtocol('pmtiles', pmtilesProtocol().tile)
  return dark => pmtilesStyle(dark, archiveUrl)
}
