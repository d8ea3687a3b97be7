import { describe, expect, it } from 'vitest'
import { durationText, localTimesIn } from '../../../../../app/utils/time/local-times'

describe('local times in stored messages', () => {
  it('replaces each ISO-8601 instant with the reader\'s clock time and leaves the rest', () => {
    const format = (date: Date) => `<${date.getTime()}>`
    expect(localTimesIn('at 2026-12-05T10:00:00.000Z, then 2026-12-05T11:30:00+01:00.', format))
      .toBe(`at <${Date.UTC(2026, 11, 5, 10)}>, then <${Date.UTC(2026, 11, 5, 10, 30)}>.`)
    expect(localTimesIn('Limit 80 km/h, at 52.1, 4.3', format)).toBe('Limit 80 km/h, at 52.1, 4.3')
  })

  it('formats with the browser\'s locale by default (no trailing Z left)', () => {
    expect(localTimesIn('(2026-12-05T10:00:00.000Z)')).not.toContain('Z)')
  })
})

describe('how long an alert has lasted', () => {
  const start = '2026-12-05T10:00:00.000Z'
  const after = (ms: number) => Date.parse(start) + ms
  it('counts seconds, minutes, hours with minutes, days with hours', () => {
    expect([45_000, 12 * 60_000, 3 * 3_600_000 + 5 * 60_000, 2 * 3_600_000, 2 * 86_400_000 + 4 * 3_600_000, 86_400_000].map(ms => durationText(start, after(ms))))
      .toEqual(['45 s', '12 min', '3 h 5 min', '2 h', '2 d 4 h', '1 d'])
  })

  it('never reads negative when the clock is a little behind', () => {
    expect(durationText(start, after(-3000))).toBe('0 s')
  })
})
