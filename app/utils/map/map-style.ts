// The map's built-in offline style and the sources and layers the page draws over any style.
// No glyphs, sprites or tiles: counts and arrows are images made at runtime (see map-images.ts).
import type { FeatureCollection } from 'geojson'
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl'
import type { VehicleStatus } from '#shared/events'
import { STATUS_LOOKS, STATUSES } from './vehicle-status'

/** Source ids of the page's overlays. */
export const SOURCES = { graticule: 'graticule', geozones: 'geozones', track: 'track', fleet: 'fleet', draft: 'draft' } as const

/** Layer ids the page listens to or changes. */
export const LAYERS = {
  background: 'background',
  clusters: 'fleet-clusters',
  clusterCounts: 'fleet-cluster-counts',
  vehicles: 'fleet-vehicles',
  selected: 'fleet-selected',
  headings: 'fleet-headings',
  sketchPoints: 'draft-corners',
} as const

/** Image id of the heading arrow; cluster count images are CLUSTER_IMAGE_PREFIX + count. */
export const ARROW_IMAGE = 'heading-arrow'
export const CLUSTER_IMAGE_PREFIX = 'cluster-count-'

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** Background and graticule colours of the built-in style for light and dark pages. */
export function backgroundColors(dark: boolean): { background: string, graticule: string } {
  return dark ? { background: '#111827', graticule: '#1f2937' } : { background: '#eef2f6', graticule: '#dde3ea' }
}

/** The style used when no MAP_STYLE_URL is configured: a plain background with a lat/lon graticule. */
export function offlineStyle(dark: boolean): StyleSpecification {
  const colors = backgroundColors(dark)
  return {
    version: 8,
    sources: { [SOURCES.graticule]: { type: 'geojson', data: EMPTY } },
    layers: [
      { id: LAYERS.background, type: 'background', paint: { 'background-color': colors.background } },
      { id: 'graticule', type: 'line', source: SOURCES.graticule, paint: { 'line-color': colors.graticule, 'line-width': 1 } },
    ],
  }
}

/** A `match` expression giving each status its colour. */
export function statusColorExpression(): ExpressionSpecification {
  const pairs = STATUSES.flatMap((status: VehicleStatus) => [status, STATUS_LOOKS[status].color])
  return ['match', ['get', 'status'], ...pairs, STATUS_LOOKS.offline.color] as unknown as ExpressionSpecification
}

/** The page's sources, added to whichever style is loaded; the fleet source clusters when zoomed out. */
export function overlaySources(): Record<string, GeoJSONSourceSpecification> {
  return {
    [SOURCES.geozones]: { type: 'geojson', data: EMPTY },
    [SOURCES.track]: { type: 'geojson', data: EMPTY },
    [SOURCES.fleet]: { type: 'geojson', data: EMPTY, cluster: true, clusterRadius: 40, clusterMaxZoom: 13 },
    [SOURCES.draft]: { type: 'geojson', data: EMPTY },
  }
}

/** The page's layers, bottom to top: geozones, track, clusters, vehicles, heading arrows, the geozone being drawn (its points draggable). */
export function overlayLayers(): LayerSpecification[] {
  const clustered: ExpressionSpecification = ['has', 'point_count']
  return [
    { id: 'geozone-fill', type: 'fill', source: SOURCES.geozones, paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.15 } },
    { id: 'geozone-outline', type: 'line', source: SOURCES.geozones, paint: { 'line-color': ['get', 'color'], 'line-width': 2 } },
    { id: 'track', type: 'line', source: SOURCES.track, layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': '#7c3aed', 'line-width': 3, 'line-opacity': 0.8 } },
    {
      id: LAYERS.clusters, type: 'circle', source: SOURCES.fleet, filter: clustered,
      // Bigger circles for bigger clusters; the count itself is an image (no glyphs offline).
      paint: { 'circle-color': '#0f766e', 'circle-opacity': 0.85, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2, 'circle-radius': ['step', ['get', 'point_count'], 14, 10, 18, 50, 24] },
    },
    {
      id: LAYERS.clusterCounts, type: 'symbol', source: SOURCES.fleet, filter: clustered,
      layout: { 'icon-image': ['concat', CLUSTER_IMAGE_PREFIX, ['to-string', ['get', 'point_count']]], 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    },
    { id: LAYERS.selected, type: 'circle', source: SOURCES.fleet, filter: selectedFilter(null), paint: { 'circle-radius': 15, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#7c3aed', 'circle-stroke-width': 3 } },
    {
      id: LAYERS.vehicles, type: 'circle', source: SOURCES.fleet, filter: ['!', clustered],
      paint: { 'circle-radius': 9, 'circle-color': statusColorExpression(), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
    {
      id: LAYERS.headings, type: 'symbol', source: SOURCES.fleet, filter: ['all', ['!', clustered], ['==', ['get', 'moving'], true]],
      layout: { 'icon-image': ARROW_IMAGE, 'icon-rotate': ['get', 'course'], 'icon-rotation-alignment': 'map', 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    },
    { id: 'draft-outline', type: 'line', source: SOURCES.draft, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#db2777', 'line-width': 2, 'line-dasharray': [2, 1] } },
    { id: LAYERS.sketchPoints, type: 'circle', source: SOURCES.draft, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 6, 'circle-color': '#db2777', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
  ]
}

/** The filter that rings the selected vehicle (none when nothing is selected). */
export function selectedFilter(vehicleId: number | null): ExpressionSpecification {
  return ['all', ['!', ['has', 'point_count']], ['==', ['get', 'id'], vehicleId ?? -1]]
}
