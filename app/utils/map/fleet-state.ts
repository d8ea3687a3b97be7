// The fleet as the map page holds it: merging live positions, the vehicles' GeoJSON and their bounds.
import type { FeatureCollection, Point } from 'geojson'
import type { GeoEventPayload, PositionPayload, VehicleStatus } from '#shared/events'
import type { VehicleView } from '#shared/vehicles'

/** A vehicle of the fleet snapshot (GET /api/tenants/{t}/fleet), kept live from `position.batch`. */
export type FleetVehicle = Omit<VehicleView, 'tenantId'>

/** Properties of a vehicle's point on the map, read by the layers' expressions. */
export interface VehicleFeatureProperties {
  id: number
  /** Shown as the vehicle's label on the map. */
  name: string
  status: VehicleStatus
  course: number
  moving: boolean
}

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number]

/** True when `incoming` should replace `current`: same or newer fix time (a status change may keep the time). */
export function supersedes(current: PositionPayload | null, incoming: PositionPayload): boolean {
  return current === null || Date.parse(incoming.recordedAt) >= Date.parse(current.recordedAt)
}

/**
 * The fleet with `positions` applied: each vehicle takes the newest position of its own; older fixes
 * and vehicles not in the fleet are ignored. Returns the same array when nothing changed.
 */
export function mergePositions(vehicles: FleetVehicle[], positions: PositionPayload[]): FleetVehicle[] {
  const newest = new Map<number, PositionPayload>()
  for (const position of positions) {
    if (supersedes(newest.get(position.vehicleId) ?? null, position)) newest.set(position.vehicleId, position)
  }
  let changed = false
  const merged = vehicles.map((vehicle) => {
    const position = newest.get(vehicle.id)
    if (!position || !supersedes(vehicle.position, position)) return vehicle
    changed = true
    return { ...vehicle, status: position.status, lastPositionAt: position.recordedAt, position }
  })
  return changed ? merged : vehicles
}

/** One point per vehicle that has a position, for the map's single clustered source. */
export function fleetFeatures(vehicles: FleetVehicle[]): FeatureCollection<Point, VehicleFeatureProperties> {
  return {
    type: 'FeatureCollection',
    features: vehicles.flatMap(vehicle => vehicle.position
      ? [{
          type: 'Feature' as const,
          id: vehicle.id,
          geometry: { type: 'Point' as const, coordinates: [vehicle.position.lon, vehicle.position.lat] },
          properties: { id: vehicle.id, name: vehicle.name, status: vehicle.status, course: vehicle.position.course, moving: vehicle.status === 'moving' },
        }]
      : []),
  }
}

/**
 * The box around `points` ([lon, lat]), widened to at least `minSpan` degrees each way so a single
 * vehicle is not shown at the deepest zoom; null without points.
 */
export function boundsOf(points: Array<readonly [number, number]>, minSpan = 0.01): Bounds | null {
  if (points.length === 0) return null
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const [lon, lat] of points) {
    west = Math.min(west, lon)
    east = Math.max(east, lon)
    south = Math.min(south, lat)
    north = Math.max(north, lat)
  }
  const widen = (low: number, high: number, limit: number): [number, number] => {
    const missing = Math.max(0, minSpan - (high - low)) / 2
    return [Math.max(-limit, low - missing), Math.min(limit, high + missing)]
  }
  ;[west, east] = widen(west, east, 180)
  ;[south, north] = widen(south, north, 90)
  return [west, south, east, north]
}

/** The [lon, lat] of every vehicle that has a position. */
export function fleetPoints(vehicles: FleetVehicle[]): Array<[number, number]> {
  return vehicles.flatMap(vehicle => vehicle.position ? [[vehicle.position.lon, vehicle.position.lat] as [number, number]] : [])
}

/** Geo events newest first (by id), each once, at most `keep` of them. */
export function mergeGeoEvents(incoming: GeoEventPayload[], known: GeoEventPayload[], keep = 50): GeoEventPayload[] {
  const byId = new Map([...known, ...incoming].map(event => [event.id, event]))
  return [...byId.values()].sort((a, b) => b.id - a.id).slice(0, keep)
}

/** Vehicles whose name or plate contains `query` (any case) and that have `status` ('all': any). */
export function filterVehicles(vehicles: FleetVehicle[], query: string, status: VehicleStatus | 'all'): FleetVehicle[] {
  const needle = query.trim().toLowerCase()
  return vehicles.filter(vehicle => (status === 'all' || vehicle.status === status)
    && (needle === '' || vehicle.name.toLowerCase().includes(needle) || vehicle.plate.toLowerCase().includes(needle)))
}
