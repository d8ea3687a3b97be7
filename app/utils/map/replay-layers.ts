// The map layers of a route replay: the stops of the replayed range and the replayed vehicle's marker.
import type { FeatureCollection, Point } from 'geojson'
import type { AddLayerObject, GeoJSONSourceSpecification } from 'maplibre-gl'
import type { Stop } from '#shared/trips'
import type { ReplayPoint } from './replay-clock'

export const REPLAY_SOURCES = { stops: 'replay-stops', marker: 'replay-marker' } as const

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] }

/** The replay's sources, empty until a replay is drawn. */
export function replaySources(): Record<string, GeoJSONSourceSpecification> {
  return { [REPLAY_SOURCES.stops]: { type: 'geojson', data: EMPTY }, [REPLAY_SOURCES.marker]: { type: 'geojson', data: EMPTY } }
}

/** Stops as squares-ish amber dots, the replayed vehicle as a larger violet dot on top. */
export function replayLayers(): AddLayerObject[] {
  return [
    { id: 'replay-stops', type: 'circle', source: REPLAY_SOURCES.stops, paint: { 'circle-radius': 7, 'circle-color': '#f59e0b', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
    { id: 'replay-marker', type: 'circle', source: REPLAY_SOURCES.marker, paint: { 'circle-radius': 9, 'circle-color': '#7c3aed', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 } },
  ]
}

/** The stops as points. */
export function stopFeatures(stops: readonly Stop[]): FeatureCollection<Point> {
  return { type: 'FeatureCollection', features: stops.map(stop => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [stop.lon, stop.lat] }, properties: { durationSeconds: stop.durationSeconds } })) }
}

/** The replayed vehicle where the replay clock has it (nothing when no replay runs). */
export function markerFeatures(point: ReplayPoint | null): FeatureCollection<Point> {
  return { type: 'FeatureCollection', features: point ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [point.lon, point.lat] }, properties: {} }] : [] }
}
