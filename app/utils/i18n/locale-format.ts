// Numbers, measurements and dates written the way a language writes them (Intl), with formatters reused.
import { FORMAT_LOCALES, type LocaleCode } from '#shared/locales'

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>()

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`
  let formatter = cache.get(key) as T | undefined
  if (!formatter) cache.set(key, formatter = make())
  return formatter
}

export type DateInput = string | number | Date

/** Formatters for one language; pages reach them through useLocaleFormat(). */
export function localeFormat(locale: LocaleCode) {
  const tag = FORMAT_LOCALES[locale]
  const numberFormat = (options: Intl.NumberFormatOptions) => cached('n', tag, options, () => new Intl.NumberFormat(tag, options))
  const dateFormat = (options: Intl.DateTimeFormatOptions) => cached('d', tag, options, () => new Intl.DateTimeFormat(tag, options))
  const asDate = (value: DateInput) => (value instanceof Date ? value : new Date(value))
  return {
    /** A number with the language's separators (1 234,5 in Russian); at most `maximumFractionDigits` (2) decimals. */
    number: (value: number, options: Intl.NumberFormatOptions = { maximumFractionDigits: 2 }) => numberFormat(options).format(value),
    /** A reading with its unit symbol as the sensor reports it ("21,5 °C"); no unit, just the number. */
    measurement: (value: number, unit?: string | null, maximumFractionDigits = 2) => {
      const number = numberFormat({ maximumFractionDigits }).format(value)
      return unit ? `${number}\u00A0${unit}` : number
    },
    /** A share 0..1 as a percentage ("45 %" in Russian, "45%" in English). */
    percent: (share: number, maximumFractionDigits = 0) => numberFormat({ style: 'percent', maximumFractionDigits }).format(share),
    /** Date and time, to the second. */
    dateTime: (value: DateInput) => dateFormat({ dateStyle: 'medium', timeStyle: 'medium' }).format(asDate(value)),
    /** The date alone. */
    date: (value: DateInput) => dateFormat({ dateStyle: 'medium' }).format(asDate(value)),
    /** The clock time, to the second (`seconds: false`: hours and minutes). */
    time: (value: DateInput, seconds = true) => dateFormat(seconds ? { timeStyle: 'medium' } : { timeStyle: 'short' }).format(asDate(value)),
    /** Any other Intl date layout (a chart axis' "5 Dec 14:00"). */
    dateWith: (value: DateInput, options: Intl.DateTimeFormatOptions) => dateFormat(options).format(asDate(value)),
  }
}
