// Renders a stored message (code + parameters) in a reader's language, with English and then the stored text
// as fallbacks, so rows written before codes existed and keys not yet translated still read.
import type { MessageParam, MessageParams, MessageRef } from '../../shared/server-message'
import { isMessageRef, PLURAL_PARAM } from '../../shared/server-message'
import { catalogueMessage } from './catalogue'
import { FALLBACK_LOCALE } from './locales'
import type { ServerLocale } from './locales'
import { formatMessage } from './message-format'

/** Where message sources come from: the catalogue, or a test's own. */
export type MessageLookup = (locale: ServerLocale, code: string) => string | null

/** `message` in `locale`: its code's text there, else in English, else its stored `text`. */
export function renderMessage(locale: ServerLocale, message: MessageRef, lookup: MessageLookup = catalogueMessage): string {
  if (message.code === null) return message.text
  const params: MessageParams = message.params ?? {}
  const own = lookup(locale, message.code)
  const [source, found] = own === null ? [lookup(FALLBACK_LOCALE, message.code), FALLBACK_LOCALE] : [own, locale]
  if (source === null) return message.text
  const rendered = (param: MessageParam) => (isMessageRef(param) ? renderMessage(locale, param, lookup) : String(param))
  const values = Object.fromEntries(Object.entries(params).map(([name, param]) => [name, rendered(param)]))
  const count = params[PLURAL_PARAM]
  return formatMessage(source, values, found, typeof count === 'number' ? count : undefined)
}
