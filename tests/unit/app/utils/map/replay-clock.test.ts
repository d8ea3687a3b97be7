import { describe, expect, it } from 'vitest'
import { advance, indexAt } from '../../../../../app/utils/map/replay-clock'

describe('indexAt', () => {
  const times = [1000, 2000, 2000, 5000]

  it('gives the last point recorded at or before the replay time', () => {
    expect(indexAt(times, 1000)).toBe(0)
    expect(indexAt(times, 1999)).toBe(0)
    expect(indexAt(times, 2000)).toBe(2)
    expect(indexAt(times, 4999)).toBe(2)
    expect(indexAt(times, 9000)).toBe(3)
  })

  it('holds the first point before the track starts and copes with no points', () => {
    expect(indexAt(times, 0)).toBe(0)
    expect(indexAt([], 5)).toBe(0)
  })
})

describe('advance', () => {
  it('moves replay time by wall-clock time times the speed, never past the end', () => {
    expect(advance(0, 16, 60, 10_000)).toBe(960)
    expect(advance(9_500, 16, 60, 10_000)).toBe(10_000)
  })
})
