// Renders a stored message (code + parameters) in a reader's language, with English and then the stored text
// as fallbacks, so rows written before codes existed and keys not yet translated still read.
import type { MessageParam, MessageParams, MessageRef } from '../../shared/server-message'
import { isMessageRef, PLURAL_PARAM } from '../../shared/server-message'
import { catalogueMessage } from './catalogue'
import { FALLBACK_LOCALE } from './locales'
import type { ServerLocale } from './locales'
import { formatMessage } from './message-format'

function renderParam(locale: ServerLocale, param: MessageParam): string {
  return isMessageRef(param) ? renderMessage(locale, param) : String(param)
}

/** `message` in `locale`: its code's text there, else in English, else its stored `text`. */
export function renderMessage(locale: ServerLocale, message: MessageRef): string {
  if (message.code === null) return message.text
  const params: MessageParams = message.params ?? {}
  const own = catalogueMessage(locale, message.code)
  const [source, found] = own === null ? [catalogueMessage(FALLBACK_LOCALE, message.code), FALLBACK_LOCALE] : [own, locale]
  if (source === null) return message.text
  const values = Object.fromEntries(Object.entries(params).map(([name, param]) => [name, renderParam(locale, param)]))
  const count = typeof params[PLURAL_PARAM] === 'number' ? params[PLURAL_PARAM] : undefined
  return formatMessage(source, values, found, count)
}
