// The three message files say the same things: the same keys, the same placeholders, plural forms in the number
// each language needs; and every key the code names literally exists in English.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import en from '../../../i18n/locales/en.json'
import ru from '../../../i18n/locales/ru.json'
import pl from '../../../i18n/locales/pl.json'

type Messages = { [key: string]: string | Messages }
const ROOT = join(import.meta.dirname, '../../..')
const FILES: Record<string, Messages> = { en, ru, pl }

/** Every message as `dotted.key → text`. */
function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>()
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') flat.set(prefix + key, value)
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) flat.set(inner, text)
  }
  return flat
}

const flat = Object.fromEntries(Object.entries(FILES).map(([code, messages]) => [code, flatten(messages)]))
const placeholders = (text: string) => [...new Set(text.match(/\{\s*\w+\s*\}/g) ?? [])].map(p => p.replace(/\s/g, '')).sort()
const forms = (text: string) => text.split(/(?<!\\)\s\|\s/).length

describe('locale files', () => {
  it.each(['ru', 'pl'])('%s has exactly the keys of en.json', (code) => {
    const missing = [...flat.en!.keys()].filter(key => !flat[code]!.has(key))
    const extra = [...flat[code]!.keys()].filter(key => !flat.en!.has(key))
    expect({ missing, extra }).toEqual({ missing: [], extra: [] })
  })

  it.each(['ru', 'pl'])('%s uses the placeholders of each English message', (code) => {
    const differing = [...flat.en!].filter(([key, text]) => flat[code]!.has(key) && placeholders(text).join() !== placeholders(flat[code]!.get(key)!).join())
    expect(differing.map(([key]) => key)).toEqual([])
  })

  it.each(['ru', 'pl'])('%s gives a plural message one | few | many (after an optional zero form) where English has one | other', (code) => {
    const wrong = [...flat.en!].filter(([key, text]) => {
      if (forms(text) === 1) return false
      const expected = forms(text) === 3 ? 4 : 3
      return forms(flat[code]!.get(key) ?? '') !== expected
    })
    expect(wrong.map(([key]) => key)).toEqual([])
  })

  it('has no empty message', () => {
    const empty = Object.entries(flat).flatMap(([code, messages]) => [...messages].filter(([, text]) => !text.trim()).map(([key]) => `${code}:${key}`))
    expect(empty).toEqual([])
  })
})

/** Source files of the pages: .vue and .ts under the browser folders. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(vue|ts)$/.test(name) ? [path] : []
  })
}

describe('keys named in the code', () => {
  // t('a.b'), $t("a.b"), te('a.b'): literal keys only; keys built at run time (t(`layout.nav.${name}`)) cannot be read here.
  const KEY_CALL = /(?:\$t|\bt|\bte|\btm)\(\s*(['"])([\w-]+(?:\.[\w-]+)+)\1/g
  const used = ['app', 'components', 'composables', 'stores'].flatMap(dir => sources(join(ROOT, dir))).flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    return [...text.matchAll(KEY_CALL)].map(match => ({ file: relative(ROOT, file), key: match[2]! }))
  })

  it('finds the keys the layout uses (the scan works)', () => {
    expect(used.filter(use => use.file === 'app/layouts/default.vue').map(use => use.key)).toContain('layout.skipToContent')
  })

  it('exist in en.json', () => {
    const en = flat.en!
    expect(used.filter(use => !en.has(use.key) && !hasSubtree(use.key)).map(use => `${use.file}: ${use.key}`)).toEqual([])
  })
})

function hasSubtree(key: string): boolean {
  return [...flat.en!.keys()].some(known => known.startsWith(`${key}.`))
}
