// Property tests of the ingest validators: arbitrary JSON never throws, accepted values are within the documented ranges,
// and one bad field is reported under its own path.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { MAX_DATABASE_ID } from '../../../../server/db/ids'
import { commandStatusReport, pendingCommandsQuery, sendCommandInput } from '../../../../server/domain/commands/command-schema'
import { heartbeatIngestSchema, readingsIngestSchema } from '../../../../server/domain/gateways/readings-schema'
import { positionsIngestSchema } from '../../../../server/domain/vehicles/position-schema'
import type { PositionInput } from '../../../../server/domain/vehicles/position-schema'
import { MAX_SAMPLES_PER_REQUEST, telemetryInput, telemetryItems } from '../../../../server/domain/zones/telemetry-schema'

const SCHEMAS: Array<[string, z.ZodType]> = [
  ['telemetry', telemetryInput],
  ['positions', positionsIngestSchema],
  ['readings', readingsIngestSchema],
  ['heartbeat', heartbeatIngestSchema],
  ['command status', commandStatusReport],
  ['pending commands query', pendingCommandsQuery],
  ['new command', sendCommandInput],
]

/** Numbers and look-alikes a device might send: edge values, non-finite ones, and numbers in strings. */
const numberish = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 90, -90, 180, -180, 1000, 360, 255, 65535, MAX_DATABASE_ID, MAX_DATABASE_ID + 1, 1e308, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE),
  fc.constantFrom('NaN', 'Infinity', '-Infinity', '52.1', '1e400', '', null, true),
)
const timeish = fc.oneof(fc.date({ noInvalidDate: true }).map(date => date.toISOString()), fc.constantFrom('yesterday', '2026-13-01T00:00:00Z', '2026-06-01T08:00:00', 1_780_000_000), fc.string())
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined })

const position = fc.record({
  vehicleId: numberish, lat: numberish, lon: numberish,
  speed: maybe(numberish), course: maybe(numberish), altitude: maybe(numberish), satellites: maybe(numberish), at: maybe(timeish),
  sensors: maybe(fc.record({ fuel: maybe(numberish), temperature: maybe(numberish), ignition: maybe(fc.oneof(fc.boolean(), numberish)), doors: maybe(fc.boolean()) })),
})
const sample = fc.record({ metric: fc.oneof(fc.constantFrom('ph', 'ec', 'water.level', 'a b', '', ' ph '), fc.string()), value: numberish, at: maybe(timeish) })
const telemetryBody = fc.oneof(
  fc.record({ device: fc.oneof(fc.string(), numberish), samples: fc.array(sample, { maxLength: 5 }) }),
  fc.record({ items: fc.array(fc.record({ device: fc.string(), samples: fc.array(sample, { maxLength: 3 }) }), { maxLength: 3 }) }),
)
const readingsBody = fc.record({
  gateway: fc.oneof(fc.string(), numberish),
  readings: fc.array(fc.record({ register: numberish, raw: maybe(numberish), value: maybe(numberish), quality: maybe(fc.constantFrom('good', 'bad', 'uncertain', 'excellent')), at: maybe(timeish) }), { maxLength: 5 }),
})

/** Arrays nested `depth` deep: JSON.parse handles any depth, JSON.stringify overflows the stack past a few thousand. */
function nested(depth: number): unknown {
  return JSON.parse('['.repeat(depth) + ']'.repeat(depth))
}

function isIsoInstant(value: string | undefined): boolean {
  return value === undefined || !Number.isNaN(new Date(value).getTime())
}

function inRange(value: number | undefined, min: number, max: number, integer = false): boolean {
  return value === undefined || (Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value)))
}

function positionInRange(p: PositionInput): boolean {
  return inRange(p.vehicleId, 1, MAX_DATABASE_ID, true) && inRange(p.lat, -90, 90) && inRange(p.lon, -180, 180)
    && inRange(p.speed, 0, 1000) && inRange(p.course, 0, 360) && inRange(p.altitude, -1000, 20_000) && inRange(p.satellites, 0, 255, true)
    && inRange(p.sensors?.fuel, 0, 100_000) && inRange(p.sensors?.temperature, -100, 200) && isIsoInstant(p.at)
}

describe('ingest validators (properties)', () => {
  it.each(SCHEMAS)('%s: never throws on arbitrary JSON or arbitrary values', (_name, schema) => {
    fc.assert(fc.property(fc.oneof(fc.jsonValue({ maxDepth: 6 }), fc.anything()), (value) => {
      expect(typeof schema.safeParse(value).success).toBe('boolean')
    }), { numRuns: 1_000 })
  })

  it.each(SCHEMAS)('%s: never throws on 10 000 nested arrays, at the root or in any field', (_name, schema) => {
    const deep = nested(10_000)
    for (const field of [undefined, 'device', 'samples', 'items', 'positions', 'lat', 'readings', 'gateway', 'status', 'detail', 'kind', 'params']) {
      const body = field === undefined ? deep : { [field]: field === 'params' ? { deep } : deep }
      expect(schema.safeParse(body).success).toBe(false)
    }
  })

  it('positions: every accepted position is within the documented ranges', () => {
    fc.assert(fc.property(fc.oneof(position, fc.record({ positions: fc.array(position, { maxLength: 4 }) })), (body) => {
      const result = positionsIngestSchema.safeParse(body)
      if (!result.success) return
      const positions = 'positions' in result.data ? result.data.positions : [result.data]
      expect(positions.length).toBeGreaterThan(0)
      for (const accepted of positions) expect(positionInRange(accepted)).toBe(true)
    }), { numRuns: 3_000 })
  })

  it('positions: one field out of range is reported under its own path', () => {
    const valid = { vehicleId: 1, lat: 52.37, lon: 4.89, speed: 40, course: 90, satellites: 8 }
    const bad: Record<string, fc.Arbitrary<unknown>> = {
      lat: fc.oneof(fc.double({ min: 90, minExcluded: true }), fc.double({ max: -90, maxExcluded: true }), fc.constantFrom('52.1', 'NaN', null)),
      lon: fc.oneof(fc.double({ min: 180, minExcluded: true }), fc.double({ max: -180, maxExcluded: true }), fc.constantFrom('Infinity')),
      speed: fc.oneof(fc.double({ min: 1000, minExcluded: true }), fc.double({ max: -Number.MIN_VALUE, noNaN: true }), fc.constant(Number.NaN)),
      satellites: fc.oneof(fc.double({ min: 0.001, max: 254.999 }).filter(value => !Number.isInteger(value)), fc.integer({ min: 256 })),
      vehicleId: fc.oneof(fc.integer({ max: 0 }), fc.integer({ min: 1, max: MAX_DATABASE_ID }).map(excess => MAX_DATABASE_ID + excess), fc.constant('1')),
    }
    fc.assert(fc.property(fc.constantFrom(...Object.keys(bad)), fc.nat({ max: 5 }), (field, index) => {
      fc.assert(fc.property(bad[field]!, (value) => {
        const positions = Array.from({ length: index + 1 }, () => ({ ...valid }))
        ;(positions[index] as Record<string, unknown>)[field] = value
        const result = positionsIngestSchema.safeParse({ positions })
        expect(result.success).toBe(false)
        expect(result.error!.issues[0]!.path.join('.')).toBe(`positions.${index}.${field}`)
      }), { numRuns: 20 })
    }), { numRuns: 50 })
  })

  it('telemetry: every accepted sample has a finite value, a well-formed metric and a device, at most 1000 in all', () => {
    fc.assert(fc.property(telemetryBody, (body) => {
      const result = telemetryInput.safeParse(body)
      if (!result.success) return
      const items = telemetryItems(result.data)
      const samples = items.flatMap(item => item.samples)
      expect(samples.length).toBeGreaterThan(0)
      expect(samples.length).toBeLessThanOrEqual(MAX_SAMPLES_PER_REQUEST)
      for (const item of items) expect(item.device.length).toBeGreaterThan(0)
      for (const accepted of samples) {
        expect(Number.isFinite(accepted.value)).toBe(true)
        expect(accepted.metric).toMatch(/^[\w.-]{1,64}$/)
        expect(isIsoInstant(accepted.at)).toBe(true)
      }
    }), { numRuns: 3_000 })
  })

  it('readings: every accepted reading has a register 0..65535 and exactly one finite raw or value', () => {
    fc.assert(fc.property(readingsBody, (body) => {
      const result = readingsIngestSchema.safeParse(body)
      if (!result.success) return
      expect(result.data.gateway.trim()).toBe(result.data.gateway)
      for (const reading of result.data.readings) {
        expect(inRange(reading.register, 0, 65535, true)).toBe(true)
        expect([reading.raw, reading.value].filter(value => value !== undefined)).toHaveLength(1)
        expect(Number.isFinite(reading.raw ?? reading.value)).toBe(true)
        expect(['good', 'uncertain', 'bad', undefined]).toContain(reading.quality)
      }
    }), { numRuns: 3_000 })
  })

  it('new command: params of any shape are accepted only when their JSON fits 4000 characters', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (params) => {
      const result = sendCommandInput.safeParse({ kind: 'irrigate', params })
      expect(result.success).toBe(JSON.stringify(params).length <= 4000)
    }), { numRuns: 1_000 })
  })
})
