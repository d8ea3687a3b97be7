// A small renderer of vue-i18n's message syntax, so the server writes a catalogue message exactly as the
// browser's `$t` does: `{name}` placeholders, `{'literal'}` text and `one | other` plural forms.
import { pluralRules } from '../../i18n/plural-rules'

/** vue-i18n's own rule, which English keeps: `one | other`, or `zero | one | other` with three forms. */
function defaultChoice(count: number, forms: number): number {
  const choice = Math.abs(count)
  if (forms === 2) return choice ? (choice > 1 ? 1 : 0) : 1
  return choice ? Math.min(choice, 2) : 0
}

/** The form `count` picks in `locale`: the browser's pluralRules (i18n/plural-rules.ts), else vue-i18n's default. */
function pluralChoice(locale: string, count: number, forms: number): number {
  const rule = pluralRules[locale]
  return rule ? rule(count, forms) : defaultChoice(count, forms)
}

/** Top-level `|` separators split plural forms; a `|` inside `{...}` does not. */
function pluralForms(source: string): string[] {
  const forms: string[] = []
  let depth = 0
  let current = ''
  for (const char of source) {
    if (char === '{') depth++
    if (char === '}') depth = Math.max(0, depth - 1)
    if (char === '|' && depth === 0) {
      forms.push(current.trim())
      current = ''
      continue
    }
    current += char
  }
  forms.push(forms.length > 0 ? current.trim() : current)
  return forms
}

/** Replaces `{name}` by its value and `{'text'}` by the text; an unknown name renders empty, as in vue-i18n. */
function interpolate(form: string, values: Record<string, string>): string {
  return form.replace(/\{\s*(?:'([^']*)'|([\w.-]+))\s*\}/g, (_, literal: string | undefined, name: string) => literal ?? values[name] ?? '')
}

/**
 * Renders `source` in `locale` with plain string `values`; `count` (when given) picks the plural form and is
 * also available as `{count}` and `{n}`, like vue-i18n's `t(key, values, count)`.
 */
export function formatMessage(source: string, values: Record<string, string>, locale: string, count?: number): string {
  const forms = pluralForms(source)
  const form = count === undefined || forms.length === 1 ? forms[0]! : forms[pluralChoice(locale, count, forms.length)]!
  const implicit: Record<string, string> = count === undefined ? {} : { count: String(count), n: String(count) }
  return interpolate(form, { ...implicit, ...values })
}
