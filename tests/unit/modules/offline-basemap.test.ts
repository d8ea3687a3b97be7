import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { basemapLayers, planarRing } from '../../../modules/offline-basemap'

const require = createRequire(import.meta.url)

/** Whether [lon, lat] lies inside `ring` (ray casting). */
function inside(lon: number, lat: number, ring: number[][]): boolean {
  let result = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if ((yi! > lat) !== (yj! > lat) && lon < ((xj! - xi!) * (lat - yi!)) / (yj! - yi!) + xi!) result = !result
  }
  return result
}

describe('the offline base map built from Natural Earth', () => {
  const layers = basemapLayers(require('world-atlas/land-50m.json'), require('world-atlas/countries-50m.json')) as {
    land: { type: string, features: Array<{ geometry: { type: string, coordinates: number[][][][] } }> }
    borders: { type: string, coordinates: number[][][] }
  }

  it('has the land as polygons covering every continent', () => {
    expect(layers.land.type).toBe('FeatureCollection')
    expect(layers.land.features.map(feature => feature.geometry.type)).toContain('MultiPolygon')
    const outerRings = layers.land.features.flatMap(feature => feature.geometry.coordinates.map(polygon => polygon[0]!))
    const onLand = (lon: number, lat: number) => outerRings.some(ring => inside(lon, lat, ring))
    // Inland points of the Americas, Africa, Asia and Australia; mid-ocean points are not land.
    for (const [lon, lat] of [[-100, 40], [20, 0], [100, 50], [135, -25]]) expect(onLand(lon!, lat!), `${lon},${lat}`).toBe(true)
    for (const [lon, lat] of [[-30, 30], [-140, 0], [80, -30]]) expect(onLand(lon!, lat!), `${lon},${lat}`).toBe(false)
  })

  it('never jumps across the antimeridian (a flat map would draw a band round the world)', () => {
    // Only the edge along a pole, which closes Antarctica, may run the whole way round.
    const jumps = (line: number[][], skipPoleEdges: boolean) => line.filter((point, i) => i > 0
      && Math.abs(point[0]! - line[i - 1]![0]!) > 180
      && !(skipPoleEdges && Math.abs(point[1]!) === 90 && Math.abs(line[i - 1]![1]!) === 90)).length
    const rings = layers.land.features.flatMap(feature => feature.geometry.coordinates.flat())
    expect(rings.reduce((sum, ring) => sum + jumps(ring, true), 0)).toBe(0)
    expect(layers.borders.coordinates.reduce((sum, line) => sum + jumps(line, false), 0)).toBe(0)
  })

  it('makes a ring cut at the antimeridian continuous and closes a ring round a pole over it', () => {
    // An island across the antimeridian: east of it, then west of it.
    expect(planarRing([[179, 0], [-179, 0], [-179, 1], [179, 1], [179, 0]])).toEqual([[179, 0], [181, 0], [181, 1], [179, 1], [179, 0]])
    // Round the South Pole, west to east.
    const polar = planarRing([[-180, -70], [0, -75], [180, -70], [-180, -70]])
    expect(polar.slice(-3)).toEqual([[180, -90], [-180, -90], [-180, -70]])
    expect(planarRing([[0, 0], [1, 0], [1, 1], [0, 0]])).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]])
  })

  it('has the borders between countries as lines', () => {
    expect(layers.borders.type).toBe('MultiLineString')
    expect(layers.borders.coordinates.length).toBeGreaterThan(100)
  })
})
