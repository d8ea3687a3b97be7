// Which plural form of a message to show in Russian and Polish, where the form depends on the number's last digits.
import type { PluralizationRule } from 'vue-i18n'

/**
 * Messages in these languages list their forms as `one | few | many` (1 датчик | 2 датчика | 5 датчиков,
 * 1 czujnik | 2 czujniki | 5 czujników), optionally led by a zero form: `zero | one | few | many`.
 * Intl.PluralRules knows the rules; fractions ("other") take the `few` form (1,5 датчика).
 */
function slavicRule(language: string): PluralizationRule {
  const rules = new Intl.PluralRules(language)
  const formIndex: Record<string, number> = { one: 0, few: 1, many: 2, other: 1 }
  return (choice, choicesLength) => {
    if (choicesLength === 4 && choice === 0) return 0
    const index = formIndex[rules.select(choice)] ?? 2
    const offset = choicesLength === 4 ? 1 : 0
    return Math.min(index + offset, choicesLength - 1)
  }
}

/** vue-i18n's `pluralRules`: English keeps vue-i18n's own (`one | other`, or `zero | one | other`). */
export const pluralRules: Record<string, PluralizationRule> = {
  ru: slavicRule('ru'),
  pl: slavicRule('pl'),
}
