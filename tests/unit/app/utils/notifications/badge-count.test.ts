import { describe, expect, it } from 'vitest'
import { badgeCount } from '../../../../../app/utils/notifications/badge-count'

describe('badge counts', () => {
  it('shows nothing for none and the exact number up to 99', () => {
    expect([0, 1, 42, 99].map(count => badgeCount(count))).toEqual(['', '1', '42', '99'])
  })

  it('caps at 99+ beyond that, or at a given maximum', () => {
    expect([100, 12_345].map(count => badgeCount(count))).toEqual(['99+', '99+'])
    expect(badgeCount(10, 9)).toBe('9+')
  })
})
