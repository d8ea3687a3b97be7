import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec'
import { describe, expect, it } from 'vitest'
import { LAYERS, offlineStyle, overlayLayers, overlaySources, selectedFilter, SOURCES, statusColorExpression } from '../../../../../app/utils/map/map-style'
import { STATUS_LOOKS } from '../../../../../app/utils/map/vehicle-status'

describe('the map style', () => {
  it('is a valid style with the page\'s sources and layers, in light and dark', () => {
    for (const dark of [false, true]) {
      const base = offlineStyle(dark)
      const style = { ...base, sources: { ...base.sources, ...overlaySources() }, layers: [...base.layers, ...overlayLayers()] }
      expect(validateStyleMin(style)).toEqual([])
    }
  })

  it('fetches nothing: no glyphs, sprite or remote sources, and no text anywhere', () => {
    const style = offlineStyle(false)
    expect(style.glyphs).toBeUndefined()
    expect(style.sprite).toBeUndefined()
    const sources = { ...style.sources, ...overlaySources() }
    for (const source of Object.values(sources)) expect(typeof (source as { data?: unknown }).data).toBe('object')
    for (const layer of [...style.layers, ...overlayLayers()]) expect(JSON.stringify(layer)).not.toContain('text-field')
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
