import { describe, expect, it } from 'vitest'
import { pageLocale } from '../../../../../app/utils/i18n/page-locale'

describe('the language a page is shown in', () => {
  it('is the user\'s stored choice first, whatever the browser prefers', () => {
    expect(pageLocale('pl', 'ru')).toBe('pl')
    expect(pageLocale('ru', null)).toBe('ru')
  })

  it('is the browser\'s language we speak when the user has not chosen (or is signed out)', () => {
    expect(pageLocale(null, 'ru')).toBe('ru')
    expect(pageLocale(null, 'pl')).toBe('pl')
  })

  it('is English otherwise, and for a stored or browser language we do not speak', () => {
    expect(pageLocale(null, null)).toBe('en')
    expect(pageLocale(null, 'de')).toBe('en')
    expect(pageLocale('de', 'fr')).toBe('en')
  })
})
