import { describe, expect, it } from 'vitest'
import { isStale, STALE_AFTER_MS } from '../../../../../app/utils/zones/node-staleness'

const now = Date.parse('2026-03-01T12:00:00Z')

describe('node staleness', () => {
  it('flags a node silent for longer than the limit, or never seen', () => {
    expect(isStale(new Date(now - STALE_AFTER_MS).toISOString(), now)).toBe(false)
    expect(isStale(now - STALE_AFTER_MS - 1, now)).toBe(true)
    expect(isStale(null, now)).toBe(true)
  })
})
