import { describe, expect, it } from 'vitest'
import { localeFormat } from '../../../../../app/utils/i18n/locale-format'

const instant = '2026-12-05T14:07:09Z'
// Separators as each language writes them; Intl may use a narrow no-break space, so spaces are normalised.
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ')

describe('numbers and measurements in each language', () => {
  it('uses the language\'s decimal and grouping separators', () => {
    expect(plain(localeFormat('en').number(12345.678))).toBe('12,345.68')
    expect(plain(localeFormat('ru').number(12345.678))).toBe('12 345,68')
    expect(plain(localeFormat('pl').number(12345.678))).toBe('12 345,68')
  })

  it('writes a reading with its unit after a no-break space, or the bare number without one', () => {
    expect(localeFormat('ru').measurement(21.5, '°C')).toBe('21,5\u00A0°C')
    expect(localeFormat('en').measurement(21.456, 'ppm', 1)).toBe('21.5\u00A0ppm')
    expect(localeFormat('pl').measurement(0.5)).toBe('0,5')
  })

  it('writes percentages as each language does', () => {
    expect(plain(localeFormat('ru').percent(0.45))).toBe('45 %')
    expect(localeFormat('en').percent(0.45)).toBe('45%')
  })
})

describe('dates and times in each language', () => {
  it('names the month in the language, day before month in all three', () => {
    const date = (code: 'en' | 'ru' | 'pl') => localeFormat(code).dateWith(instant, { day: 'numeric', month: 'long', timeZone: 'UTC' })
    expect([date('en'), date('ru'), date('pl')]).toEqual(['5 December', '5 декабря', '5 grudnia'])
  })

  it('uses a 24-hour clock', () => {
    for (const code of ['en', 'ru', 'pl'] as const) {
      expect(localeFormat(code).dateWith(instant, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })).toBe('14:07')
    }
  })

  it('formats instants given as ISO text, milliseconds or Date alike', () => {
    const format = localeFormat('pl')
    expect(format.dateTime(instant)).toBe(format.dateTime(Date.parse(instant)))
    expect(format.dateTime(new Date(instant))).toBe(format.dateTime(instant))
  })
})
