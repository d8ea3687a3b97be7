import { describe, expect, it } from 'vitest'
import { graticuleLines, graticuleStep } from '../../../../../app/utils/map/graticule'

describe('the graticule', () => {
  it('picks a round step giving at least four lines across', () => {
    expect(graticuleStep(360)).toBe(10)
    expect(graticuleStep(1)).toBe(0.2)
    expect(graticuleStep(0.05)).toBe(0.01)
    expect(graticuleStep(0.000_001)).toBe(0.001)
  })

  it('covers the view with meridians and parallels one step beyond each side', () => {
    const lines = graticuleLines([4.8, 52.3, 5.0, 52.4])
    const meridians = lines.features.filter(line => line.properties.kind === 'meridian').map(line => line.properties.value)
    const parallels = lines.features.filter(line => line.properties.kind === 'parallel').map(line => line.properties.value)
    expect(meridians[0]).toBeLessThan(4.8)
    expect(meridians.at(-1)).toBeGreaterThan(5.0)
    expect(parallels[0]).toBeLessThan(52.3)
    expect(parallels.at(-1)).toBeGreaterThan(52.4)
    expect(meridians).toContain(4.9)
    const meridian = lines.features.find(line => line.properties.kind === 'meridian')!
    expect(meridian.geometry.coordinates[0]![1]).toBeLessThan(52.3)
    expect(meridian.geometry.coordinates[1]![1]).toBeGreaterThan(52.4)
  })

  it('stays within the world when zoomed out', () => {
    const lines = graticuleLines([-180, -85, 180, 85])
    for (const line of lines.features) {
      for (const [lon, lat] of line.geometry.coordinates as Array<[number, number]>) {
        expect(Math.abs(lon)).toBeLessThanOrEqual(180)
        expect(Math.abs(lat)).toBeLessThanOrEqual(85)
      }
    }
  })
})
