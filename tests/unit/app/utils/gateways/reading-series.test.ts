import { describe, expect, it } from 'vitest'
import { appendReadings, historyPoints, mergePoints } from '../../../../../app/utils/gateways/reading-series'

const at = (s: number) => new Date(Date.UTC(2026, 4, 1, 12, 0, s)).toISOString()
const x = (s: number) => Date.parse(at(s))

describe('reading series', () => {
  it('turns raw readings and buckets into chart points', () => {
    expect(historyPoints({ dataPointId: 1, resolution: 'raw', points: [{ at: at(1), value: 2, quality: 'bad' }] })).toEqual([{ x: x(1), y: 2, quality: 'bad' }])
    expect(historyPoints({ dataPointId: 1, resolution: 'bucket', points: [{ at: at(0), value: 2.5 }] })).toEqual([{ x: x(0), y: 2.5, quality: null }])
  })

  it('merges in time order without repeating a reading the history already had', () => {
    const line = [{ x: x(1), y: 1, quality: null }, { x: x(3), y: 3, quality: null }]
    const merged = mergePoints(line, [{ x: x(3), y: 3, quality: 'good' }, { x: x(2), y: 2, quality: 'good' }], 0)
    expect(merged.map(point => point.y)).toEqual([1, 2, 3])
  })

  it('drops points before the window and keeps only the newest ones beyond the cap', () => {
    const line = [1, 2, 3, 4].map(s => ({ x: x(s), y: s, quality: null }))
    expect(mergePoints(line, [{ x: x(5), y: 5, quality: 'good' }], x(2), 3).map(point => point.y)).toEqual([3, 4, 5])
  })

  it('extends only the lines of the points that have readings', () => {
    const other = [{ x: x(0), y: 0, quality: null }]
    const lines = appendReadings({ 2: other }, [
      { dataPointId: 1, value: 5, quality: 'good', recordedAt: at(5) },
      { dataPointId: 1, value: 6, quality: 'bad', recordedAt: at(6) },
    ], 0)
    expect(lines[1]).toEqual([{ x: x(5), y: 5, quality: 'good' }, { x: x(6), y: 6, quality: 'bad' }])
    expect(lines[2]).toBe(other)
  })

  it('draws nothing for a failed poll read, which only repeats the last good value', () => {
    const lines = appendReadings({}, [
      { dataPointId: 1, value: 5, quality: 'good', recordedAt: at(5) },
      { dataPointId: 1, value: 5, quality: 'bad', recordedAt: at(6), error: 'timeout after 1000 ms' },
    ], 0)
    expect(lines[1]).toEqual([{ x: x(5), y: 5, quality: 'good' }])
  })
})
