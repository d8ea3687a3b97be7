// Enter/exit detection: walks a vehicle's positions in time order against the geozones it is inside.
import type { GeozoneShape } from '../../../shared/geozones'
import { shapeContains } from './geometry'

export interface ZoneForDetection {
  id: number
  shape: GeozoneShape
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
export function geozoneTransitions(zones: ZoneForDetection[], inside: ReadonlyMap<number, Date>, points: TrackPoint[]): { transitions: Transition[], inside: Map<number, Date> } {
  const current = new Map(inside)
  const transitions: Transition[] = []
  for (const point of points) {
    const containing = new Set(zones.filter(zone => shapeContains(zone.shape, [point.lon, point.lat])).map(zone => zone.id))
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
