// Turns a request's readings into rows: each register must be a data point of the gateway, raw values are scaled.
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Quality } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { dataPoints } from '../../db/schema'
import { DomainError } from '../errors'
import type { GatewayRow } from './find-gateway'
import type { ReadingInput } from './readings-schema'

/** How far ahead of the server's clock a reading's time may be; a device with a wrong clock would otherwise pin `last_value`. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000

export interface ReadingRow {
  gatewayId: number
  dataPointId: number
  value: number
  quality: Quality
  recordedAt: Date
}

/** Resolves and checks every reading before anything is written; throws a 422 naming the first bad field. */
export async function resolveReadings(tx: Database, gateway: GatewayRow, inputs: ReadingInput[], now: Date): Promise<ReadingRow[]> {
  const registers = [...new Set(inputs.map(input => input.register))]
  const points = await tx.select({ id: dataPoints.id, register: dataPoints.register, function: dataPoints.function, scale: dataPoints.scale, offset: dataPoints.valueOffset })
    .from(dataPoints).where(and(eq(dataPoints.gatewayId, gateway.id), inArray(dataPoints.register, registers), isNull(dataPoints.archivedAt)))
  // Indexed by register once, so a request of 1 000 readings is not 1 000 scans of the gateway's points.
  const byRegister = new Map<number, typeof points>()
  for (const point of points) byRegister.set(point.register, [...byRegister.get(point.register) ?? [], point])
  return inputs.map((input, index) => {
    const candidates = byRegister.get(input.register) ?? []
    const matching = input.function ? candidates.filter(point => point.function === input.function) : candidates
    if (matching.length === 0) throw new DomainError(422, `readings.${index}.register`, `unknown register ${input.register} of gateway "${gateway.serial}"`)
    if (matching.length > 1) throw new DomainError(422, `readings.${index}.function`, `register ${input.register} has data points in several tables: give function`)
    const point = matching[0]!
    const value = input.raw !== undefined ? input.raw * point.scale + point.offset : input.value!
    if (!Number.isFinite(value)) throw new DomainError(422, `readings.${index}.raw`, 'the scaled value is not a finite number')
    const recordedAt = input.at ? new Date(input.at) : now
    if (Number.isNaN(recordedAt.getTime())) throw new DomainError(422, `readings.${index}.at`, 'not a valid time')
    if (recordedAt.getTime() > now.getTime() + MAX_CLOCK_AHEAD_MS) throw new DomainError(422, `readings.${index}.at`, 'more than 5 minutes in the future')
    return { gatewayId: gateway.id, dataPointId: point.id, value, quality: input.quality ?? 'good', recordedAt }
  })
}
