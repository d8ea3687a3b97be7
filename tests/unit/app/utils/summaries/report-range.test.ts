import { describe, expect, it } from 'vitest'
import { dayRange, localDay } from '../../../../../app/utils/summaries/report-range'

describe('dayRange', () => {
  it('runs from the first local midnight to the midnight after the last day', () => {
    const { from, to } = dayRange('2026-03-30', '2026-03-31')
    expect(localDay(new Date(from))).toBe('2026-03-30')
    expect(new Date(from).getHours()).toBe(0)
    expect(localDay(new Date(to))).toBe('2026-04-01')
    expect(new Date(to).getHours()).toBe(0)
  })
})
