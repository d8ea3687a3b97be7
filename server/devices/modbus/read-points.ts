// Reads a gateway's data points once over an open link, range by range, into each point's value or error.
import type { ModbusPointSettings, ModbusReadError } from '../../../shared/modbus'
import { rawRegisterValue, scaledValue } from './decode'
import type { ModbusLink } from './modbus-link'
import { ModbusFailure } from './modbus-errors'
import type { PlannedPoint, ReadRange } from './read-plan'
import { addressSpan, planReads } from './read-plan'

/** A data point as the poller reads it. */
export type PollPoint = PlannedPoint & ModbusPointSettings

export type PointOutcome = { id: number, value: number, error: null } | { id: number, value: null, error: ModbusReadError }

export interface PointsRead {
  outcomes: PointOutcome[]
  /** The device answered at least one request (values or exceptions): it is there. */
  answered: boolean
  /** The link failed below the Modbus layer (timeout, closed, garbage): it must be reconnected. */
  broken: boolean
}

/**
 * Reads every point. A Modbus exception fails only its range (an illegal address in a merged range is retried
 * point by point, so each point gets its own answer); a broken link fails every point not yet read.
 */
export async function readPoints(link: ModbusLink, points: readonly PollPoint[]): Promise<PointsRead> {
  const outcomes: PointOutcome[] = []
  let answered = false
  let broken: ModbusReadError | null = null
  const pending: Array<ReadRange<PollPoint>> = [...planReads(points)]
  while (pending.length > 0) {
    const range = pending.shift()!
    if (broken) {
      outcomes.push(...range.points.map(point => ({ id: point.id, value: null, error: broken! })))
      continue
    }
    try {
      const words = await link.read(range)
      answered = true
      outcomes.push(...range.points.map(point => decodePoint(point, range, words)))
    }
    catch (error) {
      const detail = error instanceof ModbusFailure ? error.detail : { kind: 'bad-response' as const, message: String(error) }
      if (detail.kind !== 'exception') {
        broken = detail
        link.close()
        outcomes.push(...range.points.map(point => ({ id: point.id, value: null, error: detail })))
        continue
      }
      answered = true
      if (detail.exceptionCode === 2 && range.points.length > 1) pending.unshift(...single(range))
      else outcomes.push(...range.points.map(point => ({ id: point.id, value: null, error: detail })))
    }
  }
  return { outcomes, answered, broken: broken !== null }
}

function single(range: ReadRange<PollPoint>): Array<ReadRange<PollPoint>> {
  return range.points.map(point => ({ function: point.function, start: point.register, count: addressSpan(point), points: [point] }))
}

function decodePoint(point: PollPoint, range: ReadRange, words: number[]): PointOutcome {
  const at = point.register - range.start
  const slice = words.slice(at, at + addressSpan(point))
  if (slice.length < addressSpan(point)) return { id: point.id, value: null, error: { kind: 'bad-response', message: `the answer was too short for register ${point.register}` } }
  const value = scaledValue(rawRegisterValue(slice, point), point)
  if (!Number.isFinite(value)) return { id: point.id, value: null, error: { kind: 'bad-response', message: `register ${point.register} does not hold a finite number` } }
  return { id: point.id, value, error: null }
}
