import { describe, expect, it } from 'vitest'
import { chartDatasets, timeTick, timeWindow } from '../../../../components/charts/time-series'

const series = [{ label: 'Temperature', color: 'red', points: [{ x: 3000, y: 21 }, { x: 1000, y: 20 }] }]

describe('time series charts', () => {
  it('spans the data when no window is given, and the given window otherwise', () => {
    expect(timeWindow(series)).toEqual({ min: 1000, max: 3000 })
    expect(timeWindow(series, 0, 5000)).toEqual({ min: 0, max: 5000 })
    expect(timeWindow([])).toBeNull()
  })

  it('sorts each series by time and draws each threshold across the window', () => {
    const datasets = chartDatasets(series, [{ label: 'max', value: 28, color: 'orange' }], { min: 0, max: 5000 })
    expect(datasets[0]!.data.map(point => point.x)).toEqual([1000, 3000])
    expect(datasets[1]).toMatchObject({ label: 'max', data: [{ x: 0, y: 28 }, { x: 5000, y: 28 }], borderDash: [6, 4] })
  })

  it('draws no thresholds when there is no window to draw them across', () => {
    expect(chartDatasets([], [{ label: 'max', value: 28, color: 'orange' }], null)).toEqual([])
  })

  it('labels ticks with seconds for short windows and with the date beyond a day', () => {
    const at = new Date(2026, 10, 22, 9, 5, 7).getTime()
    expect(timeTick(at, 60_000)).toMatch(/05.*07/)
    expect(timeTick(at, 2 * 86_400_000)).toMatch(/22/)
  })
})
