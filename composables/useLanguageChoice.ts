// The user menu's language selector: stores the choice on the user and switches the pages to it at once.
import type { LocaleCode } from '#shared/locales'
import { LOCALES } from '#shared/locales'
import { xsrfToken } from '~/utils/xsrf-token'

/** The languages to offer, the active one, and `choose` (saves, then switches; throws when saving failed). */
export function useLanguageChoice() {
  const { me } = useCurrentUser()
  const i18n = useNuxtApp().$i18n

  async function choose(code: LocaleCode): Promise<void> {
    await $fetch('/api/auth/locale', { method: 'PUT', body: { locale: code }, headers: { 'x-xsrf-token': xsrfToken() } })
    if (me.value) me.value.user.locale = code
    await i18n.setLocale(code)
  }

  return { languages: LOCALES, active: i18n.locale, choose }
}
