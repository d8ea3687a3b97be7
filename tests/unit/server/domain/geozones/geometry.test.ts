import { describe, expect, it } from 'vitest'
import type { GeozoneShape, LonLat } from '../../../../../shared/geozones'
import { distanceMeters, EARTH_RADIUS_METERS, pointInCircle, pointInPolygon, shapeBounds, shapeContains, withinBounds } from '../../../../../server/domain/geozones/geometry'

// A square of 0.01° around (10.005, 50.005), given open; the same ring closed below.
const square: Array<[number, number]> = [[10, 50], [10.01, 50], [10.01, 50.01], [10, 50.01]]
const closedSquare: Array<[number, number]> = [...square, [10, 50]]
// An L shape: the notch at the top right is outside.
const ell: Array<[number, number]> = [[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]]

describe('distanceMeters', () => {
  it('is zero for the same point', () => {
    expect(distanceMeters([13.4, 52.5], [13.4, 52.5])).toBe(0)
  })

  it('measures one degree along a meridian as πR/180', () => {
    expect(distanceMeters([0, 0], [0, 1])).toBeCloseTo(EARTH_RADIUS_METERS * Math.PI / 180, 3)
    expect(distanceMeters([0, 0], [0, 1])).toBeCloseTo(111_195, -1)
  })

  it('gives the known Paris to London distance (about 343.5 km)', () => {
    const paris: [number, number] = [2.3522, 48.8566]
    const london: [number, number] = [-0.1276, 51.5072]
    expect(distanceMeters(paris, london) / 1000).toBeCloseTo(343.5, 0)
  })

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    expect(distanceMeters([0, 60], [1, 60])).toBeCloseTo(distanceMeters([0, 0], [1, 0]) * 0.5, -1)
  })

  it('is symmetric and handles the antimeridian the short way', () => {
    expect(distanceMeters([179.9, 0], [-179.9, 0])).toBeCloseTo(distanceMeters([-179.9, 0], [179.9, 0]), 6)
    expect(distanceMeters([179.9, 0], [-179.9, 0])).toBeLessThan(23_000)
  })
})

describe('pointInPolygon', () => {
  it('finds a point in the middle inside', () => {
    expect(pointInPolygon([10.005, 50.005], square)).toBe(true)
  })

  it('finds points beside, above and below outside', () => {
    expect(pointInPolygon([10.011, 50.005], square)).toBe(false)
    expect(pointInPolygon([9.999, 50.005], square)).toBe(false)
    expect(pointInPolygon([10.005, 50.0101], square)).toBe(false)
    expect(pointInPolygon([10.005, 49.9999], square)).toBe(false)
  })

  it('counts points on an edge and on a corner as inside', () => {
    expect(pointInPolygon([10.005, 50], square)).toBe(true)
    expect(pointInPolygon([10.01, 50.005], square)).toBe(true)
    expect(pointInPolygon([10, 50.01], square)).toBe(true)
  })

  it('answers the same for an open and a closed ring', () => {
    for (const point of [[10.005, 50.005], [10.02, 50.005], [10, 50.005]] as Array<[number, number]>) {
      expect(pointInPolygon(point, closedSquare)).toBe(pointInPolygon(point, square))
    }
  })

  it('leaves the notch of a concave polygon outside', () => {
    expect(pointInPolygon([0.5, 1.5], ell)).toBe(true)
    expect(pointInPolygon([1.5, 0.5], ell)).toBe(true)
    expect(pointInPolygon([1.5, 1.5], ell)).toBe(false)
  })

  it('is not fooled by a ray passing through a vertex', () => {
    const diamond: Array<[number, number]> = [[0, -1], [1, 0], [0, 1], [-1, 0]]
    expect(pointInPolygon([-2, 0], diamond)).toBe(false)
    expect(pointInPolygon([-0.5, 0], diamond)).toBe(true)
  })
})

describe('pointInCircle', () => {
  const depot: [number, number] = [10, 50]

  it('finds a point 100 m from the centre inside a 500 m circle', () => {
    const near: [number, number] = [10, 50 + 100 / 111_195]
    expect(pointInCircle(near, depot, 500)).toBe(true)
  })

  it('finds a point 600 m away outside a 500 m circle', () => {
    const far: [number, number] = [10, 50 + 600 / 111_195]
    expect(pointInCircle(far, depot, 500)).toBe(false)
  })

  it('measures in metres on the sphere, not in degrees: 0.005° of longitude at 60° N is about 278 m', () => {
    expect(pointInCircle([10.005, 60], [10, 60], 290)).toBe(true)
    expect(pointInCircle([10.005, 60], [10, 60], 270)).toBe(false)
  })
})

describe('shapeContains', () => {
  it('dispatches on the shape kind', () => {
    expect(shapeContains({ kind: 'polygon', ring: square }, [10.005, 50.005])).toBe(true)
    expect(shapeContains({ kind: 'polygon', ring: square }, [10.5, 50.005])).toBe(false)
    expect(shapeContains({ kind: 'circle', center: [10, 50], radiusMeters: 1000 }, [10.005, 50.005])).toBe(true)
    expect(shapeContains({ kind: 'circle', center: [10, 50], radiusMeters: 100 }, [10.005, 50.005])).toBe(false)
  })
})

describe('shapeBounds', () => {
  // Points on a fine grid around the shape: every one the exact test accepts must lie in the box.
  function everyContainedPointInside(shape: GeozoneShape, around: LonLat, spanDegrees: number): number {
    const bounds = shapeBounds(shape)
    let contained = 0
    for (let i = -60; i <= 60; i++) {
      for (let j = -60; j <= 60; j++) {
        const point: LonLat = [around[0] + spanDegrees * i / 60, around[1] + spanDegrees * j / 60]
        if (!shapeContains(shape, point)) continue
        contained += 1
        expect(withinBounds(bounds, point), `${point} of ${JSON.stringify(shape)}`).toBe(true)
      }
    }
    return contained
  }

  it('holds every point a circle contains, at the equator, far north, near a pole and across the antimeridian', () => {
    for (const [center, radiusMeters] of [[[10, 0], 500], [[10, 60], 500], [[10, 70], 50_000], [[0, 89.99], 5_000], [[179.999, 10], 1_000]] as Array<[LonLat, number]>) {
      const span = 2 * radiusMeters / 111_000 / Math.max(0.05, Math.cos(center[1] * Math.PI / 180))
      expect(everyContainedPointInside({ kind: 'circle', center, radiusMeters }, center, span)).toBeGreaterThan(0)
    }
  })

  it('holds every point of a polygon, its edges included', () => {
    const ring: LonLat[] = [[10, 50], [10.01, 50], [10.02, 50.01], [10, 50.01]]
    expect(everyContainedPointInside({ kind: 'polygon', ring }, [10.01, 50.005], 0.012)).toBeGreaterThan(0)
    expect(withinBounds(shapeBounds({ kind: 'polygon', ring }), [10.02, 50.01])).toBe(true)
  })

  it('leaves out points well away from the shape', () => {
    expect(withinBounds(shapeBounds({ kind: 'circle', center: [10, 60], radiusMeters: 500 }), [10.02, 60])).toBe(false)
    expect(withinBounds(shapeBounds({ kind: 'circle', center: [10, 60], radiusMeters: 500 }), [10, 60.01])).toBe(false)
    expect(withinBounds(shapeBounds({ kind: 'polygon', ring: [[10, 50], [10.01, 50], [10.01, 50.01]] }), [10.011, 50.005])).toBe(false)
  })
})
