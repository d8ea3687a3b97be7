import { describe, expect, it } from 'vitest'
import { relativeTime } from '../../../composables/relativeTime'

const NOW = Date.parse('2026-11-22T12:00:00Z')

describe('relativeTime', () => {
  it('says seconds, then minutes, hours and days as the time grows', () => {
    expect(relativeTime('2026-11-22T11:59:48Z', NOW)).toBe('12 s ago')
    expect(relativeTime(NOW - 5 * 60_000, NOW)).toBe('5 min ago')
    expect(relativeTime(NOW - 3 * 3_600_000, NOW)).toBe('3 h ago')
    expect(relativeTime(NOW - 4 * 86_400_000, NOW)).toBe('4 d ago')
  })

  it('says "never" without a time and never goes negative for clocks slightly ahead', () => {
    expect(relativeTime(null, NOW)).toBe('never')
    expect(relativeTime(NOW + 2000, NOW)).toBe('0 s ago')
  })
})
