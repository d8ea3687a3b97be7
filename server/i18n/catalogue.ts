// The one message catalogue the browser also uses (i18n/locales/*.json), read by the server to write its texts.
import en from '../../i18n/locales/en.json'
import pl from '../../i18n/locales/pl.json'
import ru from '../../i18n/locales/ru.json'
import type { ServerLocale } from './locales'

type Tree = { [key: string]: Tree | string }

const CATALOGUES: Record<ServerLocale, Tree> = { en, ru, pl }

/** The message source at dotted `code` (`messages.activity.tokenRevoked`) in `locale`, or null when missing. */
export function catalogueMessage(locale: ServerLocale, code: string): string | null {
  let node: Tree | string | undefined = CATALOGUES[locale]
  for (const key of code.split('.')) {
    if (typeof node !== 'object') return null
    node = node[key]
  }
  return typeof node === 'string' ? node : null
}
