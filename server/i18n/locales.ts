// Which of the languages Lookout speaks (shared/locales.ts) a reader of a server text gets.
import type { LocaleCode } from '../../shared/locales'
import { isLocaleCode } from '../../shared/locales'

export type ServerLocale = LocaleCode

export const FALLBACK_LOCALE: ServerLocale = 'en'

/**
 * The best supported language of an Accept-Language header (`ru-RU,ru;q=0.9,en;q=0.5`), by quality then
 * order, matching on the primary subtag; null when none is supported.
 */
export function acceptedLocale(header: string | undefined | null): ServerLocale | null {
  if (!header) return null
  const ranges = header.split(',').map((part, order) => {
    const [tag = '', ...options] = part.trim().split(';')
    const quality = options.map(option => option.trim()).find(option => option.startsWith('q='))
    return { primary: tag.trim().toLowerCase().split('-')[0]!, quality: quality ? Number(quality.slice(2)) : 1, order }
  }).filter(range => Number.isFinite(range.quality) && range.quality > 0)
  ranges.sort((a, b) => b.quality - a.quality || a.order - b.order)
  return ranges.map(range => range.primary).find(isLocaleCode) ?? null
}
