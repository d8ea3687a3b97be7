import { describe, expect, it } from 'vitest'
import type { Geozone } from '../../../../../app/utils/map/geozone-geometry'
import { circleRing, closedRing, destination, drawnRing, geozoneCorners, geozoneFeature, geozoneFeatures, isDrawable } from '../../../../../app/utils/map/geozone-geometry'

const polygon: Geozone = { id: 1, tenantId: 1, name: 'Farm yard', color: '#16a34a', createdAt: '2026-01-01T00:00:00Z', shape: { kind: 'polygon', ring: [[4.878, 52.364], [4.896, 52.362], [4.904, 52.372]] } }
const circle: Geozone = { id: 2, tenantId: 1, name: 'Depot', color: '#f59e0b', createdAt: '2026-01-01T00:00:00Z', shape: { kind: 'circle', center: [4.915, 52.385], radiusMeters: 600 } }

// Haversine, as the server measures geozones.
function meters(a: [number, number], b: [number, number]): number {
  const rad = (d: number) => d * Math.PI / 180
  const h = Math.sin(rad(b[1] - a[1]) / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(rad(b[0] - a[0]) / 2) ** 2
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h))
}

describe('geozone shapes on the map', () => {
  it('closes an open polygon ring and keeps a closed one as it is', () => {
    const feature = geozoneFeature(polygon)
    expect(feature.geometry.coordinates[0]).toEqual([[4.878, 52.364], [4.896, 52.362], [4.904, 52.372], [4.878, 52.364]])
    const closed = closedRing([[0, 0], [1, 0], [1, 1], [0, 0]])
    expect(closed).toHaveLength(4)
    expect(closedRing([])).toEqual([])
  })

  it('carries id, name and colour for the layers', () => {
    expect(geozoneFeature(polygon)).toMatchObject({ id: 1, properties: { id: 1, name: 'Farm yard', color: '#16a34a' } })
    expect(geozoneFeatures([polygon, circle]).features).toHaveLength(2)
  })

  it('draws a circle as a closed ring whose points all lie at the radius from the centre', () => {
    const ring = geozoneFeature(circle).geometry.coordinates[0]! as Array<[number, number]>
    expect(ring).toHaveLength(65)
    expect(ring[0]).toEqual(ring[64])
    for (const point of ring) expect(meters([4.915, 52.385], point)).toBeCloseTo(600, 3)
  })

  it('starts the circle due north and goes clockwise', () => {
    const [north, east] = circleRing([0, 0], 1000, 4)
    expect(north![0]).toBeCloseTo(0, 9)
    expect(north![1]).toBeGreaterThan(0)
    expect(east![0]).toBeGreaterThan(0)
    expect(east![1]).toBeCloseTo(0, 9)
  })

  it('wraps longitudes across the antimeridian', () => {
    const [lon] = destination([179.999, 0], 1000, 90)
    expect(lon).toBeLessThan(-179.99)
  })

  it('gives corners for bounds: the ring of a polygon, four rim points of a circle', () => {
    expect(geozoneCorners(polygon)).toHaveLength(3)
    const corners = geozoneCorners(circle)
    expect(Math.max(...corners.map(([, lat]) => lat))).toBeGreaterThan(52.385)
  })
})

describe('drawing a geozone', () => {
  it('rounds clicks to 6 decimals, drops repeated clicks and a click back on the first corner', () => {
    expect(drawnRing([[4.1234567, 52.1], [4.1234567, 52.1], [4.2, 52.1], [4.2, 52.2], [4.1234567, 52.1]]))
      .toEqual([[4.123457, 52.1], [4.2, 52.1], [4.2, 52.2]])
  })

  it('needs three different corners', () => {
    expect(isDrawable([[0, 0], [1, 0]])).toBe(false)
    expect(isDrawable([[0, 0], [1, 0], [0, 0]])).toBe(false)
    expect(isDrawable([[0, 0], [1, 0], [1, 1]])).toBe(true)
  })
})
