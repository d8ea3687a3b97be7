import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import en from '../../../../i18n/locales/en.json'
import pl from '../../../../i18n/locales/pl.json'
import ru from '../../../../i18n/locales/ru.json'
import { pluralRules } from '../../../../i18n/plural-rules'
import type { ServerLocale } from '../../../../server/i18n/locales'
import { renderMessage } from '../../../../server/i18n/render-message'

type Tree = { [key: string]: Tree | string }
const messages = { en, ru, pl } as Record<ServerLocale, Tree>
const COUNTS = [0, 1, 2, 3, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 1000]

// Every placeholder name of the catalogue, each given a value that shows where it went.
const params = Object.fromEntries([...JSON.stringify(messages).matchAll(/\{(\w+)\}/g)].map(match => [match[1]!, `<${match[1]}>`]))

function codes(tree: Tree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : codes(value, `${prefix}${key}.`)))
}

// The browser's own vue-i18n, configured as i18n/i18n.config.ts configures it.
const browser = createI18n({ legacy: false, locale: 'en', fallbackLocale: 'en', pluralRules, messages, missingWarn: false, fallbackWarn: false })

describe('the server renders the catalogue exactly as the browser\'s vue-i18n does', () => {
  it.each(['en', 'ru', 'pl'] as const)('every messages.* and validation.* key in %s, with each count for plural ones', (locale) => {
    browser.global.locale.value = locale
    const keys = [...codes(messages.en.messages as Tree, 'messages.'), ...codes(messages.en.validation as Tree, 'validation.')]
    expect(keys.length).toBeGreaterThan(50)
    for (const code of keys) {
      for (const count of COUNTS) {
        const ours = renderMessage(locale, { code, params: { ...params, count }, text: '' })
        expect(ours, `${locale} ${code} ${count}`).toBe(browser.global.t(code, { ...params, count }, count))
      }
    }
  })
})
