import { describe, expect, it } from 'vitest'
import { olderThan, relativeTime } from '../../../../../app/utils/time/relative-time'

const now = Date.parse('2026-05-01T12:00:00Z')
const before = (ms: number) => new Date(now - ms).toISOString()

describe('relative time', () => {
  it('reads in seconds, then minutes, hours and days', () => {
    expect(relativeTime(before(12_000), now)).toBe('12 s ago')
    expect(relativeTime(before(89_000), now)).toBe('89 s ago')
    expect(relativeTime(before(5 * 60_000), now)).toBe('5 min ago')
    expect(relativeTime(before(3 * 3_600_000), now)).toBe('3 h ago')
    expect(relativeTime(before(3 * 86_400_000), now)).toBe('3 d ago')
  })

  it('says never for no time, and never goes negative for a clock ahead of ours', () => {
    expect(relativeTime(null, now)).toBe('never')
    expect(relativeTime(before(-4000), now)).toBe('0 s ago')
  })

  it('counts a missing time as older than any limit', () => {
    expect(olderThan(null, 1000, now)).toBe(true)
    expect(olderThan(before(1000), 1000, now)).toBe(false)
    expect(olderThan(before(1001), 1000, now)).toBe(true)
  })
})
