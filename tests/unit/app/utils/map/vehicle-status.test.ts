import { describe, expect, it } from 'vitest'
import { compassPoint, relativeTime, STATUS_LOOKS, STATUSES } from '../../../../../app/utils/map/vehicle-status'

describe('vehicle status looks', () => {
  it('has a distinct colour for every status', () => {
    expect(STATUSES).toEqual(['moving', 'stopped', 'parking', 'offline', 'no_gps'])
    expect(new Set(STATUSES.map(status => STATUS_LOOKS[status].color)).size).toBe(5)
  })

  it('says how long ago a fix was', () => {
    const now = Date.parse('2026-01-01T12:00:00Z')
    expect(relativeTime(null, now)).toBe('—')
    expect(relativeTime('2026-01-01T11:59:58Z', now)).toBe('just now')
    expect(relativeTime('2026-01-01T11:59:48Z', now)).toBe('12 s ago')
    expect(relativeTime('2026-01-01T11:55:00Z', now)).toBe('5 min ago')
    expect(relativeTime('2026-01-01T09:00:00Z', now)).toBe('3 h ago')
    expect(relativeTime('2026-01-01T12:00:03Z', now)).toBe('just now')
  })

  it('names the compass point of a course', () => {
    expect(compassPoint(0)).toBe('N')
    expect(compassPoint(44)).toBe('NE')
    expect(compassPoint(180)).toBe('S')
    expect(compassPoint(350)).toBe('N')
    expect(compassPoint(-90)).toBe('W')
  })
})
