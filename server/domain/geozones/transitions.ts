// Enter/exit detection: walks a vehicle's positions in time order against the geozones it is inside.
import type { GeozoneShape } from '../../../shared/geozones'
import type { Bounds } from './geometry'
import { shapeBounds, shapeContains, withinBounds } from './geometry'

export interface ZoneForDetection {
  id: number
  shape: GeozoneShape
}

/** A zone with the box around its shape, so most points skip the exact test (many vehicles, many zones). */
export interface BoundedZone extends ZoneForDetection {
  bounds: Bounds
}

/** `zones` with their boxes, computed once for a batch of tracks. */
export function detectionZones<Z extends ZoneForDetection>(zones: Z[]): Array<Z & BoundedZone> {
  return zones.map(zone => ({ ...zone, bounds: shapeBounds(zone.shape) }))
}

export interface TrackPoint {
  lon: number
  lat: number
  at: Date
}

export interface Transition {
  geozoneId: number
  kind: 'enter' | 'exit'
  at: Date
}

/**
 * The enter/exit transitions along `points` (sorted by time), starting from `inside` (geozone id →
 * entered at), and the memberships afterwards. Exits of a point come before its enters.
 */
export function geozoneTransitions(zones: BoundedZone[], inside: ReadonlyMap<number, Date>, points: TrackPoint[]): { transitions: Transition[], inside: Map<number, Date> } {
  const current = new Map(inside)
  const transitions: Transition[] = []
  for (const point of points) {
    const containing = new Set(zones.filter(zone => withinBounds(zone.bounds, [point.lon, point.lat]) && shapeContains(zone.shape, [point.lon, point.lat])).map(zone => zone.id))
    for (const geozoneId of [...current.keys()]) {
      if (containing.has(geozoneId)) continue
      current.delete(geozoneId)
      transitions.push({ geozoneId, kind: 'exit', at: point.at })
    }
    for (const geozoneId of containing) {
      if (current.has(geozoneId)) continue
      current.set(geozoneId, point.at)
      transitions.push({ geozoneId, kind: 'enter', at: point.at })
    }
  }
  return { transitions, inside: current }
}
