import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { LAYERS, labelImageExpression, offlineStyle, overlayLayers, overlaySources, selectedFilter, SOURCES, statusColorExpression } from '../../../../../app/utils/map/map-style'
import { STATUS_LOOKS } from '../../../../../app/utils/map/vehicle-status'

const ORIGIN = 'http://lookout.test:3000'

describe('the map style', () => {
  it('is a valid style with the page\'s sources and layers, in light and dark', () => {
    for (const dark of [false, true]) {
      const base = offlineStyle(dark, ORIGIN)
      const style = { ...base, sources: { ...base.sources, ...overlaySources() }, layers: [...base.layers, ...overlayLayers(dark ? 'dark' : 'light')] }
      expect(validateStyleMin(style)).toEqual([])
    }
  })

  it('fetches only from Lookout itself: no glyphs or sprite, sources inline or on the page\'s origin, no text layers', () => {
    const style = offlineStyle(false, ORIGIN)
    expect(style.glyphs).toBeUndefined()
    expect(style.sprite).toBeUndefined()
    const sources = { ...style.sources, ...overlaySources() }
    for (const source of Object.values(sources)) {
      const data = (source as { data?: unknown }).data
      if (typeof data === 'string') expect(new URL(data).origin).toBe(ORIGIN)
      else expect(typeof data).toBe('object')
    }
    for (const layer of [...style.layers, ...overlayLayers()]) expect(JSON.stringify(layer)).not.toContain('text-field')
  })

  it('draws Natural Earth land and borders from the base map files, land above the water', () => {
    const style = offlineStyle(true, ORIGIN)
    expect(style.sources[SOURCES.land]).toMatchObject({ type: 'geojson', data: `${ORIGIN}/basemap/land.json` })
    expect(style.sources[SOURCES.borders]).toMatchObject({ type: 'geojson', data: `${ORIGIN}/basemap/borders.json` })
    const ids = style.layers.map(layer => layer.id)
    expect(ids.indexOf(LAYERS.land)).toBeGreaterThan(ids.indexOf(LAYERS.background))
    expect(offlineStyle(true, ORIGIN).layers.find(layer => layer.id === LAYERS.land)).not.toEqual(offlineStyle(false, ORIGIN).layers.find(layer => layer.id === LAYERS.land))
  })

  it('labels vehicles and geozones with name images that take part in collision detection, vehicles placed first', () => {
    const layers = overlayLayers('dark')
    const vehicleLabels = layers.find(layer => layer.id === LAYERS.vehicleLabels)!
    const geozoneLabels = layers.find(layer => layer.id === LAYERS.geozoneLabels)!
    for (const layer of [vehicleLabels, geozoneLabels]) {
      expect(layer.type).toBe('symbol')
      expect(layer.layout).toMatchObject({ 'icon-image': labelImageExpression('dark') })
      // Overlapping names are left out rather than drawn over each other.
      expect(layer.layout).not.toHaveProperty('icon-allow-overlap')
      expect(layer.layout).not.toHaveProperty('icon-ignore-placement')
    }
    // MapLibre places the symbols of higher layers first.
    expect(layers.indexOf(vehicleLabels)).toBeGreaterThan(layers.indexOf(geozoneLabels))
    expect(JSON.stringify(vehicleLabels)).toContain('point_count')
  })

  it('puts every vehicle in one clustered source', () => {
    expect(overlaySources()[SOURCES.fleet]).toMatchObject({ type: 'geojson', cluster: true })
    const fleetLayers = overlayLayers().filter(layer => 'source' in layer && layer.source === SOURCES.fleet)
    expect(fleetLayers.map(layer => layer.id)).toEqual(expect.arrayContaining([LAYERS.clusters, LAYERS.clusterCounts, LAYERS.vehicles, LAYERS.headings]))
  })

  it('colours vehicles by status with the legend\'s colours', () => {
    const expression = statusColorExpression() as unknown[]
    expect(expression.slice(0, 2)).toEqual(['match', ['get', 'status']])
    expect(expression).toContain(STATUS_LOOKS.no_gps.color)
    const moving = expression.indexOf('moving')
    expect(expression[moving + 1]).toBe(STATUS_LOOKS.moving.color)
  })

  it('rings only the selected vehicle, never a cluster', () => {
    expect(selectedFilter(7)).toEqual(['all', ['!', ['has', 'point_count']], ['==', ['get', 'id'], 7]])
    expect(JSON.stringify(selectedFilter(null))).toContain('-1')
  })
})
