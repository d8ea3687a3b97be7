import { describe, expect, it } from 'vitest'
import { chartDatasets, timeTick, timeTicks, timeWindow } from '../../../../components/charts/time-series'

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

  it('marks a series of one point with a dot, since it has no line', () => {
    const [lone, line] = chartDatasets([{ label: 'a', color: 'red', points: [{ x: 1, y: 1 }] }, series[0]!], [], null)
    expect([lone!.pointRadius, line!.pointRadius]).toEqual([3, 0])
  })

  it('draws no thresholds when there is no window to draw them across', () => {
    expect(chartDatasets([], [{ label: 'max', value: 28, color: 'orange' }], null)).toEqual([])
  })

  it('labels ticks with seconds for short windows and with the date beyond a day', () => {
    const at = new Date(2026, 10, 22, 9, 5, 7).getTime()
    expect(timeTick(at, 60_000)).toMatch(/05.*07/)
    expect(timeTick(at, 2 * 86_400_000)).toMatch(/22/)
  })

  it('names the month in the language it is given', () => {
    const at = new Date(2026, 11, 5, 14, 7).getTime()
    expect(timeTick(at, 2 * 86_400_000, 'ru-RU')).toMatch(/^5 дек/)
    expect(timeTick(at, 2 * 86_400_000, 'pl-PL')).toMatch(/^5 gru/)
    expect(timeTick(at, 2 * 86_400_000, 'en-GB')).toMatch(/^5 Dec 14:07$/)
  })

  it('puts at most the given number of ticks on round local times', () => {
    const min = Date.UTC(2026, 0, 1, 5, 39, 24)
    expect(timeTicks(min, min + 3_600_000, 6, 0)).toEqual([40, 50, 60, 70, 80, 90].map(minute => Date.UTC(2026, 0, 1, 5, minute)))
    expect(timeTicks(min, min + 3_600_000, 3, 0)).toEqual([Date.UTC(2026, 0, 1, 6), Date.UTC(2026, 0, 1, 6, 30)])
    // Two hours east of UTC, days start at 22:00 UTC.
    const week = timeTicks(min, min + 7 * 86_400_000, 4, 2 * 3_600_000)
    expect(week).toHaveLength(3)
    expect(new Date(week[0]!).getUTCHours()).toBe(22)
  })
})
