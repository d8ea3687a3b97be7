import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { basemapLayers } from '../../../modules/offline-basemap'

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

  it('has the borders between countries as lines', () => {
    expect(layers.borders.type).toBe('MultiLineString')
    expect(layers.borders.coordinates.length).toBeGreaterThan(100)
  })
})
