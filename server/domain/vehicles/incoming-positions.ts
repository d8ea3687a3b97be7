// Turns a validated ingest body into positions with times and field paths, checked against the clock.
import type { RawIoValues, VehicleSensors } from '../../../shared/vehicles'
import { DomainError } from '../errors'
import type { PositionFields } from './position-payload'
import type { PositionsIngestInput } from './position-schema'

/** A device clock this far ahead of ours is wrong; its points would pin the vehicle's latest in the future. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000

export interface IncomingPosition extends PositionFields {
  vehicleId: number
  sensors: VehicleSensors | undefined
  io: RawIoValues | null
  /** Field path prefix of this position in the body ('' for a single one, 'positions.3.' in a batch). */
  field: string
}

/** The body's positions in request order; 422 naming `at` when one lies in the future. */
export function incomingPositions(input: PositionsIngestInput, now: Date): IncomingPosition[] {
  const items = 'positions' in input ? input.positions.map((item, index) => ({ item, field: `positions.${index}.` })) : [{ item: input, field: '' }]
  return items.map(({ item, field }) => {
    const recordedAt = item.at ? new Date(item.at) : now
    if (recordedAt.getTime() > now.getTime() + MAX_CLOCK_AHEAD_MS) throw new DomainError(422, `${field}at`, 'is more than 5 minutes in the future')
    return {
      vehicleId: item.vehicleId, lat: item.lat, lon: item.lon, speed: item.speed ?? 0, course: item.course ?? 0,
      altitude: item.altitude ?? null, satellites: item.satellites ?? null, recordedAt, sensors: item.sensors, io: item.io ?? null, field,
    }
  })
}

/** Positions grouped per vehicle, each group in time order (request order among equal times). */
export function byVehicleInTimeOrder(positions: IncomingPosition[]): Map<number, IncomingPosition[]> {
  const groups = new Map<number, IncomingPosition[]>()
  for (const position of positions) {
    const group = groups.get(position.vehicleId) ?? []
    group.push(position)
    groups.set(position.vehicleId, group)
  }
  for (const group of groups.values()) group.sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime())
  return groups
}
