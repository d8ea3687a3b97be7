// Build step: the offline base map's GeoJSON, made from Natural Earth (the `world-atlas` package, 1:50m) with
// topojson-client, written to BASEMAP_BUILD_DIR, which nuxt.config.ts serves under /basemap/ as compressed public
// assets: the map needs no internet.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineNuxtModule } from 'nuxt/kit'
import { feature, mesh } from 'topojson-client'
import type { FeatureCollection, Position } from 'geojson'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { BASEMAP_FILES } from '../shared/map'

/** Where the build writes the base map's files. */
export const BASEMAP_BUILD_DIR = fileURLToPath(new URL('../node_modules/.cache/lookout-basemap', import.meta.url))

// About 100 m: finer than 1:50m data holds, and it halves the files.
const COORDINATE_DECIMALS = 3

function rounded(key: string, value: unknown): unknown {
  return typeof value === 'number' ? Number(value.toFixed(COORDINATE_DECIMALS)) : value
}

/**
 * A ring of Natural Earth's spherical data as a flat map must draw it. Rings that touch the antimeridian jump
 * from -180 to 180 (a line across the whole world on a flat map): their longitudes are made continuous instead,
 * past ±180, where MapLibre wraps them. A ring that goes round a pole (Antarctica) is closed over that pole.
 */
export function planarRing(ring: Position[]): Position[] {
  const planar: Position[] = [ring[0]!]
  let shift = 0
  for (let i = 1; i < ring.length; i++) {
    const step = ring[i]![0]! - ring[i - 1]![0]!
    if (step > 180) shift -= 360
    else if (step < -180) shift += 360
    planar.push([ring[i]![0]! + shift, ring[i]![1]!])
  }
  if (shift === 0) return recentred(planar)
  const pole = ring.reduce((sum, point) => sum + point[1]!, 0) < 0 ? -90 : 90
  return [...planar, [planar.at(-1)![0]!, pole], [planar[0]![0]!, pole], planar[0]!]
}

/** The ring moved by a whole turn when most of it lies beyond ±180, so a continent stays where the map starts. */
function recentred(ring: Position[]): Position[] {
  const longitudes = ring.map(point => point[0]!)
  const middle = (Math.min(...longitudes) + Math.max(...longitudes)) / 2
  const turn = middle < -180 ? 360 : middle > 180 ? -360 : 0
  return turn === 0 ? ring : ring.map(([lon, lat]) => [lon! + turn, lat!])
}

/** Lines split where they jump across the antimeridian. */
export function planarLines(lines: Position[][]): Position[][] {
  return lines.flatMap((line) => {
    const pieces: Position[][] = [[line[0]!]]
    for (let i = 1; i < line.length; i++) {
      if (Math.abs(line[i]![0]! - line[i - 1]![0]!) > 180) pieces.push([])
      pieces.at(-1)!.push(line[i]!)
    }
    return pieces.filter(piece => piece.length > 1)
  })
}

function planarPolygons(collection: FeatureCollection): FeatureCollection {
  return {
    ...collection,
    features: collection.features.map((shape) => {
      const geometry = shape.geometry
      if (geometry.type === 'Polygon') return { ...shape, geometry: { ...geometry, coordinates: geometry.coordinates.map(planarRing) } }
      if (geometry.type === 'MultiPolygon') return { ...shape, geometry: { ...geometry, coordinates: geometry.coordinates.map(polygon => polygon.map(planarRing)) } }
      return shape
    }),
  }
}

/** Land polygons and the borders between countries (shared arcs only, so coasts are not drawn twice). */
export function basemapLayers(land: Topology, countries: Topology): Record<keyof typeof BASEMAP_FILES, unknown> {
  const countryShapes = countries.objects.countries as GeometryCollection
  return {
    land: planarPolygons(feature(land, land.objects.land as GeometryCollection)),
    borders: { type: 'MultiLineString', coordinates: planarLines(mesh(countries, countryShapes, (a, b) => a !== b).coordinates) },
  }
}

export default defineNuxtModule({
  meta: { name: 'offline-basemap' },
  setup() {
    const require = createRequire(import.meta.url)
    const layers = basemapLayers(require('world-atlas/land-50m.json'), require('world-atlas/countries-50m.json'))
    mkdirSync(BASEMAP_BUILD_DIR, { recursive: true })
    for (const [layer, file] of Object.entries(BASEMAP_FILES)) {
      writeFileSync(join(BASEMAP_BUILD_DIR, file), JSON.stringify(layers[layer as keyof typeof BASEMAP_FILES], rounded))
    }
  },
})
