import { describe, expect, it } from 'vitest'
import { isStale, STALE_AFTER_MS, timeAgo } from '../../../../../app/utils/zones/node-staleness'

const now = Date.parse('2026-03-01T12:00:00Z')

describe('node staleness', () => {
  it('flags a node silent for longer than the limit, or never seen', () => {
    expect(isStale(new Date(now - STALE_AFTER_MS).toISOString(), now)).toBe(false)
    expect(isStale(now - STALE_AFTER_MS - 1, now)).toBe(true)
    expect(isStale(null, now)).toBe(true)
  })

  it('says how long ago, in the largest whole unit', () => {
    expect(timeAgo(now - 400, now)).toBe('just now')
    expect(timeAgo(new Date(now - 12_500).toISOString(), now)).toBe('12 s ago')
    expect(timeAgo(now - 185_000, now)).toBe('3 min ago')
    expect(timeAgo(now - 2 * 3_600_000, now)).toBe('2 h ago')
    expect(timeAgo(now - 4 * 86_400_000, now)).toBe('4 d ago')
    expect(timeAgo(null, now)).toBe('never')
  })
})
