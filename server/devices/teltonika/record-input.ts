// An AVL record as the position ingest input the HTTP route takes, validated by the same schema.
import { MAX_CLOCK_AHEAD_MS } from '../../domain/vehicles/incoming-positions'
import type { PositionInput } from '../../domain/vehicles/position-schema'
import { positionInputSchema } from '../../domain/vehicles/position-schema'
import type { AvlRecord } from './avl-record'
import { interpretIo } from './io-elements'

export type RecordInput = { ok: true, input: PositionInput & { at: string } } | { ok: false, reason: string }

/**
 * The record of `vehicleId` as a position input: coordinates from degrees × 10^7, sensors from its IO,
 * the rest of its IO kept raw. A record the schema refuses (a coordinate out of range) or stamped more
 * than 5 minutes after `now` says why: resending it would not make it acceptable.
 */
export function recordInput(vehicleId: number, record: AvlRecord, now: Date): RecordInput {
  if (record.timestamp > now.getTime() + MAX_CLOCK_AHEAD_MS) return { ok: false, reason: 'timestamp is more than 5 minutes in the future' }
  const { sensors, io } = interpretIo(record.io)
  const candidate = {
    vehicleId, lat: record.latitudeE7 / 1e7, lon: record.longitudeE7 / 1e7, speed: record.speed,
    course: record.angle % 360, altitude: record.altitude, satellites: record.satellites,
    at: new Date(record.timestamp).toISOString(), sensors, io: Object.keys(io).length > 0 ? io : undefined,
  }
  const result = positionInputSchema.safeParse(candidate)
  if (!result.success) {
    const issue = result.error.issues[0]!
    return { ok: false, reason: `${issue.path.join('.')} ${issue.message}` }
  }
  return { ok: true, input: { ...result.data, at: candidate.at } }
}
