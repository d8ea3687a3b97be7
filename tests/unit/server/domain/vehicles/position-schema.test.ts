import { describe, expect, it } from 'vitest'
import { positionsIngestSchema } from '../../../../../server/domain/vehicles/position-schema'

const fix = { vehicleId: 1, lat: 50, lon: 10 }

function failedField(body: unknown): string {
  const result = positionsIngestSchema.safeParse(body)
  expect(result.success).toBe(false)
  return result.error!.issues[0]!.path.join('.')
}

describe('positionsIngestSchema', () => {
  it('accepts one position and a batch', () => {
    expect(positionsIngestSchema.parse({ ...fix, speed: 12.5, sensors: { ignition: true } })).toMatchObject({ vehicleId: 1, speed: 12.5 })
    expect(positionsIngestSchema.parse({ positions: [fix, { ...fix, vehicleId: 2 }] })).toEqual({ positions: [fix, { ...fix, vehicleId: 2 }] })
  })

  it('refuses NaN, lat 91 and lon -181, naming the field of a single position', () => {
    expect(failedField({ ...fix, lat: Number.NaN })).toBe('lat')
    expect(failedField({ ...fix, lat: 91 })).toBe('lat')
    expect(failedField({ ...fix, lon: -181 })).toBe('lon')
    expect(failedField({ ...fix, speed: Number.POSITIVE_INFINITY })).toBe('speed')
  })

  it('names the item and field inside a batch', () => {
    expect(failedField({ positions: [fix, fix, fix, { ...fix, lon: -181 }] })).toBe('positions.3.lon')
    expect(failedField({ positions: [fix, { ...fix, vehicleId: 'x' }] })).toBe('positions.1.vehicleId')
    expect(failedField({ positions: [fix, { ...fix, sensors: { fuel: Number.NaN } }] })).toBe('positions.1.sensors.fuel')
  })

  it('refuses an empty batch and one of more than 1000 positions', () => {
    expect(failedField({ positions: [] })).toBe('positions')
    expect(failedField({ positions: Array.from({ length: 1001 }, () => fix) })).toBe('positions')
    expect(positionsIngestSchema.safeParse({ positions: Array.from({ length: 1000 }, () => fix) }).success).toBe(true)
  })

  it('requires an ISO timestamp with a zone for `at`', () => {
    expect(positionsIngestSchema.safeParse({ ...fix, at: '2026-06-01T08:00:00Z' }).success).toBe(true)
    expect(failedField({ ...fix, at: 'yesterday' })).toBe('at')
    expect(failedField({ ...fix, at: 1_780_000_000 })).toBe('at')
  })

  it('refuses a missing vehicle id and a non-integer satellite count', () => {
    expect(failedField({ lat: 50, lon: 10 })).toBe('vehicleId')
    expect(failedField({ ...fix, satellites: 2.5 })).toBe('satellites')
  })
})
