// Which plural form of a `a | b | c` message a count picks, as vue-i18n's pluralRules are given it.

/** vue-i18n's own rule, used for English: `one | other`, or `zero | one | other` with three forms. */
function defaultChoice(count: number, forms: number): number {
  const choice = Math.abs(count)
  if (forms === 2) return choice === 1 ? 0 : 1
  return choice ? Math.min(choice, 2) : 0
}

const SLAVIC_FORMS = ['one', 'few', 'many'] as const

/**
 * Russian and Polish messages give three forms, `one | few | many` (1 датчик | 2 датчика | 5 датчиков), by the
 * language's CLDR rules; with a fourth form in front, that one is for zero. Fractions ('other') take the last.
 */
function slavicChoice(locale: string, count: number, forms: number): number {
  if (forms === 4 && count === 0) return 0
  const offset = forms === 4 ? 1 : 0
  const category = new Intl.PluralRules(locale).select(Math.abs(count))
  const index = SLAVIC_FORMS.indexOf(category as (typeof SLAVIC_FORMS)[number])
  return Math.min(offset + (index === -1 ? 2 : index), forms - 1)
}

/** The index of the form `count` selects among `forms` forms in `locale` (vue-i18n PluralizationRule semantics). */
export function pluralChoice(locale: string, count: number, forms: number): number {
  if (forms <= 1) return 0
  return locale === 'ru' || locale === 'pl' ? slavicChoice(locale, count, forms) : defaultChoice(count, forms)
}
