// The languages Lookout speaks, used by the pages (i18n) and the server (users.locale validation).

/** Language codes, English first: the default and the fallback. */
export const LOCALES = ['en', 'ru', 'pl'] as const

export type LocaleCode = (typeof LOCALES)[number]

/** True when `value` is one of the languages Lookout speaks. */
export function isLocaleCode(value: unknown): value is LocaleCode {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/**
 * The Intl locale each language formats numbers and dates with. English is British, as the texts are
 * ("organisation"): day before month, a 24-hour clock.
 */
export const FORMAT_LOCALES: Record<LocaleCode, string> = { en: 'en-GB', ru: 'ru-RU', pl: 'pl-PL' }
