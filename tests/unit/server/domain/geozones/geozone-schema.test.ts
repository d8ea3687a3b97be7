import { describe, expect, it } from 'vitest'
import { createGeozoneSchema, geozoneShapeSchema, updateGeozoneSchema } from '../../../../../server/domain/geozones/geozone-schema'

function failedField(result: { success: boolean, error?: { issues: Array<{ path: PropertyKey[] }> } }): string {
  expect(result.success).toBe(false)
  return result.error!.issues[0]!.path.join('.')
}

describe('geozoneShapeSchema', () => {
  it('accepts an open and a closed polygon ring of three corners', () => {
    expect(geozoneShapeSchema.safeParse({ kind: 'polygon', ring: [[10, 50], [10.01, 50], [10, 50.01]] }).success).toBe(true)
    expect(geozoneShapeSchema.safeParse({ kind: 'polygon', ring: [[10, 50], [10.01, 50], [10, 50.01], [10, 50]] }).success).toBe(true)
  })

  it('refuses a ring of fewer than 3 points, or of 3 points with only 2 different ones', () => {
    expect(failedField(geozoneShapeSchema.safeParse({ kind: 'polygon', ring: [[10, 50], [10.01, 50]] }))).toBe('ring')
    expect(failedField(geozoneShapeSchema.safeParse({ kind: 'polygon', ring: [[10, 50], [10.01, 50], [10, 50]] }))).toBe('ring')
  })

  it('refuses coordinates out of range or not finite, naming the point', () => {
    expect(failedField(geozoneShapeSchema.safeParse({ kind: 'polygon', ring: [[10, 50], [181, 50], [10, 50.01]] }))).toBe('ring.1.0')
    expect(failedField(geozoneShapeSchema.safeParse({ kind: 'polygon', ring: [[10, 50], [10.01, 50], [10, 91]] }))).toBe('ring.2.1')
    expect(failedField(geozoneShapeSchema.safeParse({ kind: 'polygon', ring: [[10, 50], [Number.NaN, 50], [10, 50.01]] }))).toBe('ring.1.0')
    expect(failedField(geozoneShapeSchema.safeParse({ kind: 'circle', center: [10, Number.POSITIVE_INFINITY], radiusMeters: 10 }))).toBe('center.1')
  })

  it('accepts a circle radius from 1 to 100000 m and refuses outside it', () => {
    expect(geozoneShapeSchema.safeParse({ kind: 'circle', center: [10, 50], radiusMeters: 1 }).success).toBe(true)
    expect(geozoneShapeSchema.safeParse({ kind: 'circle', center: [10, 50], radiusMeters: 100_000 }).success).toBe(true)
    expect(failedField(geozoneShapeSchema.safeParse({ kind: 'circle', center: [10, 50], radiusMeters: 0.5 }))).toBe('radiusMeters')
    expect(failedField(geozoneShapeSchema.safeParse({ kind: 'circle', center: [10, 50], radiusMeters: 100_001 }))).toBe('radiusMeters')
  })

  it('refuses an unknown kind', () => {
    expect(failedField(geozoneShapeSchema.safeParse({ kind: 'hexagon', center: [10, 50] }))).toBe('kind')
  })
})

describe('create and update bodies', () => {
  const shape = { kind: 'circle', center: [10, 50], radiusMeters: 300 }

  it('trims the name and refuses an empty one or a bad colour', () => {
    expect(createGeozoneSchema.parse({ name: '  Depot yard ', shape }).name).toBe('Depot yard')
    expect(failedField(createGeozoneSchema.safeParse({ name: '   ', shape }))).toBe('name')
    expect(failedField(createGeozoneSchema.safeParse({ name: 'Depot', shape, color: 'red' }))).toBe('color')
  })

  it('requires at least one field in an update', () => {
    expect(updateGeozoneSchema.safeParse({}).success).toBe(false)
    expect(updateGeozoneSchema.safeParse({ color: '#ff0000' }).success).toBe(true)
  })
})
