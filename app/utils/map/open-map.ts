// Opens MapLibre in the browser: the library and its worker load on demand, the operator's style
// (MAP_STYLE_URL, from /api/map/config) is used when there is one, the built-in offline style otherwise.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import type { Map as MapLibreMap } from 'maplibre-gl'
import { offlineStyle } from './map-style'

export interface OpenedMap {
  map: MapLibreMap
  /** True while the built-in style is shown (the graticule and the dark background belong to it). */
  builtIn: () => boolean
}

/**
 * The map in `container`, or null when the browser cannot give it a WebGL context. An operator's
 * style that fails to load is replaced by the built-in one, and `onProblem` says so.
 */
export async function openMap(container: HTMLElement, dark: () => boolean, onProblem: (message: string) => void): Promise<OpenedMap | null> {
  const [maplibregl, config] = await Promise.all([
    import('maplibre-gl'),
    $fetch<{ styleUrl: string | null }>('/api/map/config').catch(() => ({ styleUrl: null })),
  ])
  maplibregl.setWorkerUrl(workerUrl)
  let builtIn = !config.styleUrl
  let map: MapLibreMap
  try {
    map = new maplibregl.Map({ container, style: config.styleUrl ?? offlineStyle(dark()), center: [0, 20], zoom: 1, attributionControl: { compact: true } })
  }
  catch {
    return null
  }
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left')
  map.on('error', (event) => {
    // Errors after a style has loaded (a missing tile, say) leave the map usable: report them only.
    if (builtIn || map.isStyleLoaded()) return console.error(event.error)
    builtIn = true
    onProblem('The map style from MAP_STYLE_URL could not be loaded; showing the built-in map.')
    map.setStyle(offlineStyle(dark()))
  })
  return { map, builtIn: () => builtIn }
}
