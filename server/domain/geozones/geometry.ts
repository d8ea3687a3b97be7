// Plane-and-sphere geometry for geozones: distances on the Earth, points in polygons and circles.
// Coordinates are [lon, lat] in degrees, as in GeoJSON and GeozoneShape.
import type { GeozoneShape } from '../../../shared/geozones'

export type LonLat = readonly [number, number]

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_METERS = 6_371_008.8

const radians = (degrees: number) => degrees * Math.PI / 180

/** Great-circle distance in metres between two points (haversine). */
export function distanceMeters(a: LonLat, b: LonLat): number {
  const dLat = radians(b[1] - a[1])
  const dLon = radians(b[0] - a[0])
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a[1])) * Math.cos(radians(b[1])) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** True when `point` is within `radiusMeters` of `center` (the rim counts as inside). */
export function pointInCircle(point: LonLat, center: LonLat, radiusMeters: number): boolean {
  return distanceMeters(point, center) <= radiusMeters
}

/**
 * True when `point` is inside the ring or on its edge (closed or open ring). Lon/lat are treated as a
 * plane, which is exact enough for geozones of a few kilometres; rings crossing the antimeridian are not supported.
 */
export function pointInPolygon(point: LonLat, ring: ReadonlyArray<LonLat>): boolean {
  const [x, y] = point
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (onSegment(x, y, xi, yi, xj, yj)) return true
    // Ray casting to +x: count edges that straddle the point's latitude to its right.
    if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** A lon/lat box, in degrees. */
export interface Bounds {
  minLon: number
  minLat: number
  maxLon: number
  maxLat: number
}

// Slack for rounding: the box may only ever be too large, never exclude a point shapeContains accepts.
const BOUNDS_SLACK_DEGREES = 1e-7

/**
 * A box holding every point shapeContains accepts for `shape`, to skip the exact test for points far away. A circle's
 * box is the extent of its spherical cap (longitudes unbounded when it reaches a pole or the antimeridian).
 */
export function shapeBounds(shape: GeozoneShape): Bounds {
  if (shape.kind === 'polygon') {
    const lons = shape.ring.map(point => point[0])
    const lats = shape.ring.map(point => point[1])
    return widen({ minLon: Math.min(...lons), minLat: Math.min(...lats), maxLon: Math.max(...lons), maxLat: Math.max(...lats) })
  }
  const [lon, lat] = shape.center
  const angle = shape.radiusMeters / EARTH_RADIUS_METERS
  const dLat = angle * 180 / Math.PI
  const capOverPole = Math.abs(lat) + dLat >= 90 || angle >= Math.PI / 2
  const dLon = capOverPole ? 180 : Math.asin(Math.min(1, Math.sin(angle) / Math.cos(radians(lat)))) * 180 / Math.PI
  const overAntimeridian = capOverPole || lon - dLon <= -180 || lon + dLon >= 180
  return widen({ minLon: overAntimeridian ? -Infinity : lon - dLon, minLat: lat - dLat, maxLon: overAntimeridian ? Infinity : lon + dLon, maxLat: lat + dLat })
}

/** True when `point` lies in the box (edges included). */
export function withinBounds(bounds: Bounds, point: LonLat): boolean {
  return point[0] >= bounds.minLon && point[0] <= bounds.maxLon && point[1] >= bounds.minLat && point[1] <= bounds.maxLat
}

function widen(bounds: Bounds): Bounds {
  const slack = (value: number) => BOUNDS_SLACK_DEGREES * Math.max(1, Math.abs(value))
  return {
    minLon: bounds.minLon - slack(bounds.minLon), minLat: bounds.minLat - slack(bounds.minLat),
    maxLon: bounds.maxLon + slack(bounds.maxLon), maxLat: bounds.maxLat + slack(bounds.maxLat),
  }
}

/** True when the geozone's shape contains the point. */
export function shapeContains(shape: GeozoneShape, point: LonLat): boolean {
  return shape.kind === 'circle' ? pointInCircle(point, shape.center, shape.radiusMeters) : pointInPolygon(point, shape.ring)
}

// Edges count as inside; a vehicle parked on a drawn border should not flicker between enter and exit.
function onSegment(x: number, y: number, x1: number, y1: number, x2: number, y2: number): boolean {
  // |cross| / length is the point's distance from the edge's line; 1e-9 degrees is about 0.1 mm.
  const cross = (x - x1) * (y2 - y1) - (y - y1) * (x2 - x1)
  if (Math.abs(cross) > 1e-9 * Math.hypot(x2 - x1, y2 - y1)) return false
  return x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2) && y <= Math.max(y1, y2)
}
