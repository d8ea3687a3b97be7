import { describe, expect, it } from 'vitest'
import { acceptedLocale } from '../../../../server/i18n/locales'

describe('acceptedLocale', () => {
  it('takes the best supported language of Accept-Language by quality, then by order, on the primary subtag', () => {
    expect(acceptedLocale('ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ru')
    expect(acceptedLocale('de-DE,de;q=0.9,pl;q=0.8,en;q=0.5')).toBe('pl')
    expect(acceptedLocale('en;q=0.5, pl;q=0.9')).toBe('pl')
    expect(acceptedLocale('PL')).toBe('pl')
  })

  it('answers null when no supported language is accepted (q=0 refuses one)', () => {
    expect(acceptedLocale('de, fr;q=0.8')).toBeNull()
    expect(acceptedLocale('ru;q=0, de')).toBeNull()
    expect(acceptedLocale('')).toBeNull()
    expect(acceptedLocale(undefined)).toBeNull()
  })
})
