import { describe, expect, it } from 'vitest'
import type { Sketch } from '../../../../../app/utils/map/geozone-sketch'
import { distanceMeters, movePoint, placePoint, sketchFeatures, sketchOf, sketchShape } from '../../../../../app/utils/map/geozone-sketch'

const polygon = (points: Sketch['points']): Sketch => ({ kind: 'polygon', points, geozoneId: null })
const circle = (points: Sketch['points']): Sketch => ({ kind: 'circle', points, geozoneId: null })

describe('geozone sketches', () => {
  it('measures great-circle distances in metres', () => {
    expect(distanceMeters([0, 0], [0, 1])).toBeCloseTo(111_195, -1)
    expect(distanceMeters([4.9, 52.37], [4.9, 52.37])).toBe(0)
  })

  it('adds polygon corners click by click, and takes a circle\'s centre first, then its edge (again and again)', () => {
    expect(placePoint(placePoint(polygon([]), [0, 0]), [1, 0]).points).toEqual([[0, 0], [1, 0]])
    const centred = placePoint(circle([]), [4.9, 52.37])
    const sized = placePoint(centred, [4.91, 52.37])
    expect(placePoint(sized, [4.92, 52.37]).points).toEqual([[4.9, 52.37], [4.92, 52.37]])
  })

  it('moves the dragged point only', () => {
    expect(movePoint(polygon([[0, 0], [1, 0], [1, 1]]), 1, [2, 0]).points).toEqual([[0, 0], [2, 0], [1, 1]])
  })

  it('makes a polygon from three different corners and a circle once it has a radius of a metre or more', () => {
    expect(sketchShape(polygon([[0, 0], [1, 0]]))).toBeNull()
    expect(sketchShape(polygon([[0, 0], [1, 0], [1, 1]]))).toEqual({ kind: 'polygon', ring: [[0, 0], [1, 0], [1, 1]] })
    expect(sketchShape(circle([[4.9, 52.37]]))).toBeNull()
    expect(sketchShape(circle([[4.9, 52.37], [4.9, 52.37]]))).toBeNull()
    const shape = sketchShape(circle([[4.9, 52.37], [4.9, 52.371]]))
    expect(shape).toMatchObject({ kind: 'circle', center: [4.9, 52.37] })
    expect(shape?.kind === 'circle' && shape.radiusMeters).toBeCloseTo(111.2, 1)
  })

  it('reshapes a stored geozone from its own points, giving back the same shape', () => {
    const ring: Array<[number, number]> = [[4.9, 52.37], [4.91, 52.37], [4.91, 52.38], [4.9, 52.37]]
    expect(sketchShape(sketchOf(7, { kind: 'polygon', ring }))).toEqual({ kind: 'polygon', ring: ring.slice(0, 3) })
    const stored = sketchOf(8, { kind: 'circle', center: [4.9, 52.37], radiusMeters: 250 })
    expect(stored.geozoneId).toBe(8)
    expect(sketchShape(stored)).toEqual({ kind: 'circle', center: [4.9, 52.37], radiusMeters: 250 })
  })

  it('draws the points numbered for dragging, an open line from two corners, the closed outline from three, and a circle\'s ring', () => {
    expect(sketchFeatures(null).features).toEqual([])
    expect(sketchFeatures(polygon([[0, 0]])).features.map(feature => feature.geometry.type)).toEqual(['Point'])
    expect(sketchFeatures(polygon([[0, 0], [1, 0]])).features[0]!.geometry).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 0]] })
    const three = sketchFeatures(polygon([[0, 0], [1, 0], [1, 1]])).features
    expect(three[0]!.geometry).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 0], [1, 1], [0, 0]] })
    expect(three.filter(feature => feature.geometry.type === 'Point').map(feature => feature.properties!.index)).toEqual([0, 1, 2])
    const ring = sketchFeatures(circle([[4.9, 52.37], [4.9, 52.371]])).features[0]!
    expect(ring.geometry.type === 'LineString' && ring.geometry.coordinates).toHaveLength(65)
  })
})
