// The language of the request's reader, for routes that answer with stored texts (alerts, activity, notifications).
import type { H3Event } from 'h3'
import { resolveActor } from '../auth/actor'
import type { ServerLocale } from '../i18n/locales'
import { readerLocale } from '../i18n/reader-locale'

/** The signed-in user's language, else Accept-Language, else English. */
export async function useReaderLocale(event: H3Event): Promise<ServerLocale> {
  return readerLocale(event, await resolveActor(await useDatabase(), event))
}
