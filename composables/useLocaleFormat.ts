// The one way pages and components write numbers, measurements, dates, durations and relative times for people:
// in the active language (vue-i18n's locale), with Intl. `const f = useLocaleFormat()`, then `f.relative(iso, now)`.
import type { LocaleCode } from '#shared/locales'
import { localeFormat } from '~/utils/i18n/locale-format'
import { durationAmounts, localTimesIn } from '~/utils/time/local-times'
import { ageAmount, type TimeAmount } from '~/utils/time/relative-time'

/** Formatters bound to the active language; they follow a language change (call them inside computed/templates). */
export function useLocaleFormat() {
  const { locale, t } = useI18n()
  const format = computed(() => localeFormat(locale.value as LocaleCode))
  const amount = ({ value, unit }: TimeAmount) => t(`time.unit.${unit}`, { n: format.value.number(value) }, value)

  return {
    number: (...args: Parameters<ReturnType<typeof localeFormat>['number']>) => format.value.number(...args),
    measurement: (...args: Parameters<ReturnType<typeof localeFormat>['measurement']>) => format.value.measurement(...args),
    percent: (...args: Parameters<ReturnType<typeof localeFormat>['percent']>) => format.value.percent(...args),
    dateTime: (...args: Parameters<ReturnType<typeof localeFormat>['dateTime']>) => format.value.dateTime(...args),
    date: (...args: Parameters<ReturnType<typeof localeFormat>['date']>) => format.value.date(...args),
    time: (...args: Parameters<ReturnType<typeof localeFormat>['time']>) => format.value.time(...args),
    dateWith: (...args: Parameters<ReturnType<typeof localeFormat>['dateWith']>) => format.value.dateWith(...args),
    /** "12 s ago" / "12 с назад" / "12 s temu"; `never` for no time; `justNow` says "just now" under 5 s. */
    relative(iso: string | null, now: number, options: { justNow?: boolean } = {}): string {
      if (iso === null) return t('time.never')
      const age = ageAmount(iso, now)
      if (options.justNow && age.unit === 'second' && age.value < 5) return t('time.justNow')
      return t(`time.ago.${age.unit}`, { n: format.value.number(age.value) }, age.value)
    },
    /** How long from `fromIso` until `to` (ms): "3 h 5 min" / "3 ч 5 мин" / "3 godz. 5 min". */
    duration: (fromIso: string, to: number) => durationAmounts(fromIso, to).map(amount).join(' '),
    /** Stored text with its ISO-8601 instants in the reader's clock and language. */
    localTimesIn: (text: string) => localTimesIn(text, date => format.value.dateTime(date)),
  }
}
