// A geozone being drawn or reshaped on the map: the points the user placed (polygon corners, or a circle's
// centre and a point on its edge), what the map shows of them, and the shape they make.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson'
import type { GeozoneShape, LonLat } from '#shared/geozones'
import { circleRing, closedRing, destination, drawnRing, isDrawable } from './geozone-geometry'

export type SketchKind = 'polygon' | 'circle'

export interface Sketch {
  kind: SketchKind
  /** Polygon corners in order, or [centre, edge point] of a circle. */
  points: LonLat[]
  /** The geozone being reshaped; null for a new one. */
  geozoneId: number | null
}

const EARTH_RADIUS_METERS = 6_371_008.8
const radians = (degrees: number) => degrees * Math.PI / 180
const round6 = (value: number) => Math.round(value * 1e6) / 1e6

/** Great-circle distance between two points in metres (haversine). */
export function distanceMeters(a: LonLat, b: LonLat): number {
  const dLat = radians(b[1] - a[1])
  const dLon = radians(b[0] - a[0])
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a[1])) * Math.cos(radians(b[1])) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The sketch after a map click: a polygon gains a corner; a circle takes its centre, then (again and again) its edge. */
export function placePoint(sketch: Sketch, point: LonLat): Sketch {
  if (sketch.kind === 'polygon') return { ...sketch, points: [...sketch.points, point] }
  return { ...sketch, points: sketch.points.length === 0 ? [point] : [sketch.points[0]!, point] }
}

/** The sketch with point `index` dragged to `point` (a corner, a circle's centre or its edge). */
export function movePoint(sketch: Sketch, index: number, point: LonLat): Sketch {
  return { ...sketch, points: sketch.points.map((existing, at) => (at === index ? point : existing)) }
}

/** The shape to store, or null while the sketch makes none (fewer than three corners, no radius yet). */
export function sketchShape(sketch: Sketch): GeozoneShape | null {
  if (sketch.kind === 'polygon') return isDrawable(sketch.points) ? { kind: 'polygon', ring: drawnRing(sketch.points) } : null
  const [center, edge] = sketch.points
  if (!center || !edge) return null
  const radiusMeters = Math.round(distanceMeters(center, edge) * 10) / 10
  return radiusMeters >= 1 ? { kind: 'circle', center: [round6(center[0]), round6(center[1])], radiusMeters } : null
}

/** A sketch that reshapes a stored geozone: its corners, or its centre and the point due east on its edge. */
export function sketchOf(geozoneId: number, shape: GeozoneShape): Sketch {
  if (shape.kind === 'circle') return { kind: 'circle', points: [shape.center, destination(shape.center, shape.radiusMeters, 90)], geozoneId }
  return { kind: 'polygon', points: drawnRing(shape.ring), geozoneId }
}

/** What the map draws: the outline so far and every placed point, numbered so a drag knows which one it holds. */
export function sketchFeatures(sketch: Sketch | null): FeatureCollection<LineString | Point> {
  if (!sketch) return { type: 'FeatureCollection', features: [] }
  const shape = sketchShape(sketch)
  let outline: LonLat[] = []
  if (shape?.kind === 'circle') outline = circleRing(shape.center, shape.radiusMeters)
  else if (sketch.kind === 'polygon' && drawnRing(sketch.points).length >= 2) {
    const ring = drawnRing(sketch.points)
    outline = ring.length >= 3 ? closedRing(ring) : ring
  }
  const lines: Array<Feature<LineString>> = outline.length > 0 ? [{ type: 'Feature', geometry: { type: 'LineString', coordinates: outline }, properties: {} }] : []
  const points: Array<Feature<Point>> = sketch.points.map((point, index) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: point }, properties: { index } }))
  return { type: 'FeatureCollection', features: [...lines, ...points] }
}
