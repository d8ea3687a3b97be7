// The language a request's reader gets server texts in: their stored choice, else Accept-Language, else English.
import type { H3Event } from 'h3'
import { getRequestHeader } from 'h3'
import { isLocaleCode } from '../../shared/locales'
import type { Actor } from '../auth/actor'
import { acceptedLocale, FALLBACK_LOCALE } from './locales'
import type { ServerLocale } from './locales'

/** The reader's language for `event`, `actor` being who is signed in (null for anonymous requests). */
export function readerLocale(event: H3Event, actor: Actor | null): ServerLocale {
  const chosen = actor?.user.locale
  if (isLocaleCode(chosen)) return chosen
  return acceptedLocale(getRequestHeader(event, 'accept-language')) ?? FALLBACK_LOCALE
}
