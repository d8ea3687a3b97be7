// The map's built-in offline style (Natural Earth land and borders served by Lookout) and the sources and
// layers the page draws over any style. No glyphs, sprites or tiles: counts, arrows and name labels are
// images made at runtime (see map-images.ts), so nothing is fetched from outside.
import type { FeatureCollection } from 'geojson'
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl'
import { basemapUrl } from '#shared/map'
import type { VehicleStatus } from '#shared/events'
import { STATUS_LOOKS, STATUSES } from './vehicle-status'

/** Source ids of the page's overlays. */
export const SOURCES = { land: 'land', borders: 'borders', graticule: 'graticule', geozones: 'geozones', track: 'track', fleet: 'fleet', draft: 'draft' } as const

/** Layer ids the page listens to or changes. */
export const LAYERS = {
  background: 'background',
  land: 'land',
  borders: 'borders',
  graticule: 'graticule',
  vehicleLabels: 'fleet-labels',
  geozoneLabels: 'geozone-labels',
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
/** Name labels are images too: LABEL_IMAGE_PREFIX + theme + ':' + the name. */
export const LABEL_IMAGE_PREFIX = 'label:'

export type MapTheme = 'light' | 'dark'

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** Colours of the built-in style for light and dark pages (water is the background). */
export function baseColors(dark: boolean): { water: string, land: string, border: string, graticule: string } {
  return dark
    ? { water: '#0b1220', land: '#1f2937', border: '#4b5563', graticule: '#172033' }
    : { water: '#dbe7f0', land: '#f4f3ee', border: '#b8b2a7', graticule: '#cfdce6' }
}

/** The paint properties that change with the page's theme, by layer id. */
export function themedPaint(dark: boolean): Array<[layer: string, property: 'background-color' | 'line-color' | 'fill-color', value: string]> {
  const colors = baseColors(dark)
  return [
    [LAYERS.background, 'background-color', colors.water],
    [LAYERS.graticule, 'line-color', colors.graticule],
    [LAYERS.land, 'fill-color', colors.land],
    [LAYERS.borders, 'line-color', colors.border],
  ]
}

/**
 * The style used when no MAP_STYLE_URL or MAP_PMTILES is configured: Natural Earth land (1:50m) and country
 * borders from Lookout itself (`origin`, the page's), over water with a lat/lon graticule.
 */
export function offlineStyle(dark: boolean, origin: string): StyleSpecification {
  const colors = baseColors(dark)
  return {
    version: 8,
    sources: {
      [SOURCES.land]: { type: 'geojson', data: new URL(basemapUrl('land'), origin).href },
      [SOURCES.borders]: { type: 'geojson', data: new URL(basemapUrl('borders'), origin).href },
      [SOURCES.graticule]: { type: 'geojson', data: EMPTY },
    },
    layers: [
      { id: LAYERS.background, type: 'background', paint: { 'background-color': colors.water } },
      { id: LAYERS.graticule, type: 'line', source: SOURCES.graticule, paint: { 'line-color': colors.graticule, 'line-width': 1 } },
      { id: LAYERS.land, type: 'fill', source: SOURCES.land, paint: { 'fill-color': colors.land, 'fill-antialias': true } },
      { id: LAYERS.borders, type: 'line', source: SOURCES.borders, paint: { 'line-color': colors.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 6, 1.5] } },
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

/** The image of a feature's `name` as a label for the page's theme (drawn on demand, see map-images.ts). */
export function labelImageExpression(theme: MapTheme): ExpressionSpecification {
  return ['concat', LABEL_IMAGE_PREFIX, theme, ':', ['get', 'name']]
}

/**
 * The page's layers, bottom to top: geozones, track, clusters, vehicles, heading arrows, geozone and vehicle
 * names, the geozone being drawn (its points draggable). Names collide with each other: one that would overlap
 * a name already placed (vehicles' first) is left out until there is room.
 */
export function overlayLayers(theme: MapTheme = 'light'): LayerSpecification[] {
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
    {
      id: LAYERS.geozoneLabels, type: 'symbol', source: SOURCES.geozones, filter: ['==', ['geometry-type'], 'Polygon'],
      layout: { 'icon-image': labelImageExpression(theme), 'icon-padding': 4 },
    },
    {
      id: LAYERS.vehicleLabels, type: 'symbol', source: SOURCES.fleet, filter: ['!', clustered],
      layout: { 'icon-image': labelImageExpression(theme), 'icon-anchor': 'top', 'icon-offset': [0, 12], 'icon-padding': 2 },
    },
    { id: 'draft-outline', type: 'line', source: SOURCES.draft, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#db2777', 'line-width': 2, 'line-dasharray': [2, 1] } },
    { id: LAYERS.sketchPoints, type: 'circle', source: SOURCES.draft, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 6, 'circle-color': '#db2777', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
  ]
}

/** The filter that rings the selected vehicle (none when nothing is selected). */
export function selectedFilter(vehicleId: number | null): ExpressionSpecification {
  return ['all', ['!', ['has', 'point_count']], ['==', ['get', 'id'], vehicleId ?? -1]]
}
