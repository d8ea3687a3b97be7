// Geozones between the API's shapes ([lon, lat] polygons and metre circles) and what the map draws.
import type { Feature, FeatureCollection, Polygon } from 'geojson'
import type { GeozonePayload, GeozoneShape, LonLat } from '#shared/geozones'

export type { GeozoneShape, LonLat }

/** A geozone as GET /api/tenants/{t}/geozones lists it. */
export type Geozone = GeozonePayload

const EARTH_RADIUS_METERS = 6_371_008.8
const radians = (degrees: number) => degrees * Math.PI / 180
const degrees = (value: number) => value * 180 / Math.PI

/** The point `meters` from `center` in direction `bearing` (degrees from north), on a sphere. */
export function destination(center: LonLat, meters: number, bearing: number): LonLat {
  const angle = meters / EARTH_RADIUS_METERS
  const lat1 = radians(center[1])
  const lon1 = radians(center[0])
  const theta = radians(bearing)
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(angle) + Math.cos(lat1) * Math.sin(angle) * Math.cos(theta))
  const lon2 = lon1 + Math.atan2(Math.sin(theta) * Math.sin(angle) * Math.cos(lat1), Math.cos(angle) - Math.sin(lat1) * Math.sin(lat2))
  return [((degrees(lon2) + 540) % 360) - 180, degrees(lat2)]
}

/** A closed ring of `steps` points approximating the circle (GeoJSON has no circles). */
export function circleRing(center: LonLat, radiusMeters: number, steps = 64): LonLat[] {
  const ring = Array.from({ length: steps }, (_, index) => destination(center, radiusMeters, (360 * index) / steps))
  return [...ring, ring[0]!]
}

/** The ring closed (first point repeated at the end), as GeoJSON polygons need it. */
export function closedRing(ring: LonLat[]): LonLat[] {
  const first = ring[0]
  const last = ring.at(-1)
  if (!first || !last || (first[0] === last[0] && first[1] === last[1])) return ring
  return [...ring, first]
}

/** The geozone as a GeoJSON polygon with its id, name and colour as properties. */
export function geozoneFeature(zone: Geozone): Feature<Polygon, { id: number, name: string, color: string }> {
  const ring = zone.shape.kind === 'circle' ? circleRing(zone.shape.center, zone.shape.radiusMeters) : closedRing(zone.shape.ring)
  return { type: 'Feature', id: zone.id, geometry: { type: 'Polygon', coordinates: [ring] }, properties: { id: zone.id, name: zone.name, color: zone.color } }
}

/** Every geozone as one collection for the map's geozone source. */
export function geozoneFeatures(zones: Geozone[]): FeatureCollection<Polygon, { id: number, name: string, color: string }> {
  return { type: 'FeatureCollection', features: zones.map(geozoneFeature) }
}

/** The corners of a geozone's outline, for its bounds. */
export function geozoneCorners(zone: Geozone): LonLat[] {
  return zone.shape.kind === 'circle' ? circleRing(zone.shape.center, zone.shape.radiusMeters, 4) : zone.shape.ring
}

/**
 * The ring to send for the corners a user clicked: rounded to 6 decimals (about 0.1 m), repeated
 * clicks on one spot dropped, left open (the server accepts open and closed rings alike).
 */
export function drawnRing(clicks: LonLat[]): LonLat[] {
  const round = (value: number) => Math.round(value * 1e6) / 1e6
  const ring: LonLat[] = []
  for (const [lon, lat] of clicks) {
    const point: LonLat = [round(lon), round(lat)]
    const previous = ring.at(-1)
    if (!previous || previous[0] !== point[0] || previous[1] !== point[1]) ring.push(point)
  }
  const first = ring[0]
  const last = ring.at(-1)
  if (ring.length > 1 && first![0] === last![0] && first![1] === last![1]) ring.pop()
  return ring
}

/** True when the clicked corners make a polygon the server accepts: three different points. */
export function isDrawable(clicks: LonLat[]): boolean {
  return new Set(drawnRing(clicks).map(([lon, lat]) => `${lon},${lat}`)).size >= 3
}
