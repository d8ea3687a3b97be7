// Build step: the offline base map's GeoJSON, made from Natural Earth (the `world-atlas` package, 1:50m) with
// topojson-client, written to BASEMAP_BUILD_DIR, which nuxt.config.ts serves under /basemap/ as compressed public
// assets: the map needs no internet.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineNuxtModule } from 'nuxt/kit'
import { feature, mesh } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import { BASEMAP_FILES } from '../shared/map'

/** Where the build writes the base map's files. */
export const BASEMAP_BUILD_DIR = fileURLToPath(new URL('../node_modules/.cache/lookout-basemap', import.meta.url))

// About 100 m: finer than 1:50m data holds, and it halves the files.
const COORDINATE_DECIMALS = 3

function rounded(key: string, value: unknown): unknown {
  return typeof value === 'number' ? Number(value.toFixed(COORDINATE_DECIMALS)) : value
}

/** Land polygons and the borders between countries (shared arcs only, so coasts are not drawn twice). */
export function basemapLayers(land: Topology, countries: Topology): Record<keyof typeof BASEMAP_FILES, unknown> {
  const countryShapes = countries.objects.countries as GeometryCollection
  return {
    land: feature(land, land.objects.land as GeometryCollection),
    borders: mesh(countries, countryShapes, (a, b) => a !== b),
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
