// The page language: the signed-in user's choice, else the browser's Accept-Language, else English.
// Runs after auth.global.ts (global middleware run in file-name order), so the user is known by then.
import { pageLocale } from '~/utils/i18n/page-locale'

export default defineNuxtRouteMiddleware(async () => {
  const i18n = useNuxtApp().$i18n
  const wanted = pageLocale(useCurrentUser().me.value?.user.locale ?? null, useBrowserLocale())
  if (i18n.locale.value !== wanted) await i18n.setLocale(wanted)
})
