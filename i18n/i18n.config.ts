// vue-i18n's options: English as the fallback, Russian and Polish plural rules, and missing keys reported.
import { pluralRules } from './plural-rules'

export default defineI18nConfig(() => ({
  fallbackLocale: 'en',
  pluralRules,
  // vue-i18n only warns about missing keys in development builds; this warning reaches the console in production
  // too, which is what tests/e2e/i18n-pages.spec.ts listens for.
  missing: (locale: string, key: string) => {
    console.warn(`[i18n] missing key "${key}" in "${locale}"`)
  },
  missingWarn: false,
  fallbackWarn: false,
}))
