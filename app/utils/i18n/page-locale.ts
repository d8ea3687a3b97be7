// Which language a page is shown in, from what is known about the reader.
import { isLocaleCode, type LocaleCode } from '#shared/locales'

/** The user's stored choice, else the browser's preferred language we speak, else English. */
export function pageLocale(chosen: string | null, browser: string | null): LocaleCode {
  if (isLocaleCode(chosen)) return chosen
  if (isLocaleCode(browser)) return browser
  return 'en'
}
