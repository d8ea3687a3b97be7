// Real vue-i18n translators over the app's message files, for unit tests of the functions that word things.
import { createI18n } from 'vue-i18n'
import en from '../../i18n/locales/en.json'
import pl from '../../i18n/locales/pl.json'
import ru from '../../i18n/locales/ru.json'
import { pluralRules } from '../../i18n/plural-rules'
import type { Translate } from '../../app/utils/i18n/translate'

/** `t` of `locale` as the pages get it from useI18n(); a key missing from that language throws, so tests catch it. */
export function translator(locale: 'en' | 'ru' | 'pl'): Translate {
  const i18n = createI18n({
    legacy: false, locale, fallbackLocale: false, messages: { en, ru, pl }, pluralRules,
    missing: (language: string, key: string) => {
      throw new Error(`missing message "${key}" in "${language}"`)
    },
  })
  return (key, params) => i18n.global.t(key, params ?? {})
}
