import { describe, expect, it } from 'vitest'
import type { LivePoint } from '../../../../../app/utils/zones/telemetry-series'
import { translator } from '../../../../support/translators'
import { appendPoint, appendSamples, chartSeries, firstPointAt, historySeries, MAX_POINTS_PER_SERIES, MIN_WINDOW_MS, rangeMs, slotMsFor, TARGET_COLOR, thresholdLines, windowStart } from '../../../../../app/utils/zones/telemetry-series'

const at = (ms: number) => new Date(ms).toISOString()

describe('zone telemetry series', () => {
  it('groups history by device, oldest first, keeping how many samples a bucket averages', () => {
    const series = historySeries([
      { deviceId: 2, at: at(2000), value: 6.1 },
      { deviceId: 1, at: at(3000), value: 21, count: 4 },
      { deviceId: 2, at: at(1000), value: 6.0 },
    ])
    expect(series[2]!.map(point => point.x)).toEqual([1000, 2000])
    expect(series[1]).toEqual([{ x: 3000, y: 21, n: 4 }])
  })

  it('cuts a window into about 500 slots, never narrower than a second', () => {
    expect(slotMsFor(rangeMs('1h'))).toBe(7200)
    expect(slotMsFor(rangeMs('7d'))).toBe(1_209_600)
    expect(slotMsFor(60_000)).toBe(1000)
  })

  it('appends newer samples, averages samples of one slot by weight, and puts late ones in place', () => {
    let points: LivePoint[] = [{ x: 10_000, y: 20, n: 3 }]
    points = appendPoint(points, { x: 12_000, y: 24 }, 0, 5000)
    expect(points).toEqual([{ x: 12_000, y: 21, n: 4 }])
    points = appendPoint(points, { x: 16_000, y: 30 }, 0, 5000)
    points = appendPoint(points, { x: 5000, y: 10 }, 0, 5000)
    expect(points.map(point => [point.x, point.y])).toEqual([[5000, 10], [12_000, 21], [16_000, 30]])
  })

  it('slides the window: drops points and samples before it', () => {
    const points: LivePoint[] = [{ x: 1000, y: 1, n: 1 }, { x: 9000, y: 2, n: 1 }]
    expect(appendPoint(points, { x: 20_000, y: 3 }, 5000, 1000).map(point => point.x)).toEqual([9000, 20_000])
    expect(appendPoint(points, { x: 4000, y: 3 }, 5000, 1000)).toBe(points)
  })

  it('never lets a series grow past its cap, however many late samples come', () => {
    let points: LivePoint[] = Array.from({ length: MAX_POINTS_PER_SERIES }, (_, index) => ({ x: index * 10, y: index, n: 1 }))
    points = appendPoint(points, { x: 100_000, y: 1 }, 0, 1)
    expect(points).toHaveLength(MAX_POINTS_PER_SERIES)
    expect(points[0]!.x).toBe(10)
    expect(points.at(-1)!.x).toBe(100_000)
  })

  it('adds live samples by metric and device, copying only what changes', () => {
    const untouched = { 1: [{ x: 1000, y: 60, n: 1 }] }
    const series = { humidity: untouched }
    const next = appendSamples(series, [
      { deviceId: 1, metric: 'ph', value: 6.1, recordedAt: at(5000) },
      { deviceId: 2, metric: 'ph', value: 6.3, recordedAt: at(5000) },
    ], 0, 1000)
    expect(next.humidity).toBe(untouched)
    expect(Object.keys(next.ph!)).toEqual(['1', '2'])
    expect(series).toEqual({ humidity: untouched })
    expect(appendSamples(series, [], 0, 1000)).toBe(series)
  })

  it('names and colours lines after the zone\'s nodes, and draws min and max', () => {
    const lines = chartSeries({ 7: [{ x: 1, y: 1, n: 1 }], 9: [{ x: 1, y: 2, n: 1 }], 8: [] }, [{ id: 9, name: 'North' }, { id: 7, name: 'South' }], translator('en'))
    expect(lines.map(line => line.label)).toEqual(['South', 'North'])
    expect(lines[0]!.color).not.toBe(lines[1]!.color)
    expect(thresholdLines({ min: 5.5, max: 6.5 }, undefined, translator('en')).map(line => [line.label, line.value])).toEqual([['min 5.5', 5.5], ['max 6.5', 6.5]])
    expect(thresholdLines(undefined, undefined, translator('en'))).toEqual([])
  })
})

describe('the charts\' window and target lines', () => {
  const now = 10 * 3_600_000
  it('starts a range before now while the data covers the range', () => {
    expect(windowStart(now, 3_600_000, now - 3_600_000 + 30_000)).toBe(now - 3_600_000)
    expect(windowStart(now, 3_600_000, null)).toBe(now - 3_600_000)
  })

  it('starts at the first point when the data is much younger than the range (a fresh install), never under 5 min', () => {
    expect(windowStart(now, 3_600_000, now - 20 * 60_000)).toBe(now - 20 * 60_000)
    expect(windowStart(now, 3_600_000, now - 60_000)).toBe(now - MIN_WINDOW_MS)
  })

  it('finds the first point over every metric and device', () => {
    expect(firstPointAt({ ph: { 1: [{ x: 50, y: 1, n: 1 }], 2: [] }, ec: { 1: [{ x: 20, y: 1, n: 1 }, { x: 90, y: 1, n: 1 }] } })).toBe(20)
    expect(firstPointAt({})).toBeNull()
  })

  it('draws a zone target as its own dotted line beside the thresholds', () => {
    const lines = thresholdLines({ min: 5.5, max: 6.5 }, 6, translator('en'))
    expect(lines.map(line => line.label)).toEqual(['target 6', 'min 5.5', 'max 6.5'])
    expect(lines[0]).toMatchObject({ value: 6, color: TARGET_COLOR, dash: [2, 3] })
  })
})
