// One vehicle's recent track: loaded from the track API, extended by live positions, drawn as a line.
import type { Feature, FeatureCollection, LineString } from 'geojson'
import type { PositionPayload } from '#shared/events'

/** A point of GET /api/vehicles/{v}/track. */
export interface TrackPoint {
  lat: number
  lon: number
  speed: number
  course: number
  recordedAt: string
}

/** How far back the panel's track reaches. */
export const TRACK_WINDOW_MS = 60 * 60_000

/**
 * The track with a live position appended when it is newer than the last point, and points more than
 * `windowMs` older than the newest dropped. Returns the same array when the position adds nothing, as one
 * without a GPS fix (satellites 0) does: it updates the vehicle's sensors and status, not its path.
 */
export function extendTrack(points: TrackPoint[], position: PositionPayload, windowMs = TRACK_WINDOW_MS): TrackPoint[] {
  const last = points.at(-1)
  const at = Date.parse(position.recordedAt)
  if (position.satellites === 0 || (last && Date.parse(last.recordedAt) >= at)) return points
  const since = at - windowMs
  const kept = points.filter(point => Date.parse(point.recordedAt) >= since)
  return [...kept, { lat: position.lat, lon: position.lon, speed: position.speed, course: position.course, recordedAt: position.recordedAt }]
}

/** Points loaded from the API merged with positions that arrived while loading (newest wins, time order). */
export function mergeTrack(loaded: TrackPoint[], arrived: PositionPayload[], windowMs = TRACK_WINDOW_MS): TrackPoint[] {
  return [...arrived].sort((a, b) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt))
    .reduce((track, position) => extendTrack(track, position, windowMs), loaded)
}

/** The track as a line for the map (no line until there are two points). */
export function trackFeatures(points: TrackPoint[]): FeatureCollection<LineString> {
  const line: Array<Feature<LineString>> = points.length >= 2
    ? [{ type: 'Feature', geometry: { type: 'LineString', coordinates: points.map(point => [point.lon, point.lat]) }, properties: {} }]
    : []
  return { type: 'FeatureCollection', features: line }
}
