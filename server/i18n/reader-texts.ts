// Stored texts for one reader: an alert's or activity event's `message`, a notification's title and body, rendered
// in their language from the code and parameters kept beside the English text (which rows without a code show).
import type { MessageParams } from '../../shared/server-message'
import type { ServerLocale } from './locales'
import { renderMessage } from './render-message'

export interface CodedMessage {
  message: string
  messageCode: string | null
  messageParams: MessageParams
}

export interface CodedNotification {
  title: string
  body: string
  messageCode: string | null
  messageParams: MessageParams
}

/** `item` with its `message` in `locale` (its code and parameters stay, for the browser to re-render). */
export function messageFor<T extends CodedMessage>(locale: ServerLocale, item: T): T {
  return { ...item, message: renderMessage(locale, { code: item.messageCode, params: item.messageParams, text: item.message }) }
}

/** A notification with its title and body in `locale` (`<code>.title`, `<code>.body`). */
export function notificationFor<T extends CodedNotification>(locale: ServerLocale, item: T): T {
  if (item.messageCode === null) return item
  const part = (name: 'title' | 'body') => renderMessage(locale, { code: `${item.messageCode}.${name}`, params: item.messageParams, text: item[name] })
  return { ...item, title: part('title'), body: part('body') }
}
