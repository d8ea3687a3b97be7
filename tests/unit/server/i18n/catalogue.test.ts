import { describe, expect, it } from 'vitest'
import en from '../../../../i18n/locales/en.json'
import pl from '../../../../i18n/locales/pl.json'
import ru from '../../../../i18n/locales/ru.json'

type Tree = { [key: string]: Tree | string }
const SERVER_NAMESPACES = ['messages', 'validation'] as const

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') found.set(prefix + key, value)
    else for (const [path, text] of leaves(value, `${prefix}${key}.`)) found.set(path, text)
  }
  return found
}
const namespaces = (catalogue: Tree) => leaves(Object.fromEntries(SERVER_NAMESPACES.map(name => [name, catalogue[name] as Tree])))
const placeholders = (source: string) => [...new Set([...source.matchAll(/\{\s*([\w.-]+)\s*\}/g)].map(match => match[1]!))].sort()
const forms = (source: string) => source.split(' | ').length

describe('the server\'s message catalogue', () => {
  const english = namespaces(en as Tree)

  it.each([['ru', ru], ['pl', pl]])('%s has every key of English in messages and validation, and no other', (_locale, catalogue) => {
    expect([...namespaces(catalogue as Tree).keys()].sort()).toEqual([...english.keys()].sort())
  })

  it.each([['ru', ru], ['pl', pl]])('%s uses the same placeholders as English, and three plural forms where English has two', (_locale, catalogue) => {
    for (const [key, source] of namespaces(catalogue as Tree)) {
      const original = english.get(key)!
      expect(placeholders(source), key).toEqual(placeholders(original))
      expect(forms(source), key).toBe(forms(original) === 2 ? 3 : 1)
    }
  })

  it('uses no linked-message @ the server renderer does not support', () => {
    for (const catalogue of [en, ru, pl]) for (const [key, source] of namespaces(catalogue as Tree)) expect(source, key).not.toMatch(/@[.:]/)
  })
})
