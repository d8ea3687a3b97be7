// A user's own page language. A personal display preference, like the colour mode: no activity entry.
import { eq } from 'drizzle-orm'
import type { LocaleCode } from '../../../shared/locales'
import type { Actor } from '../../auth/actor'
import { users } from '../../db/schema'
import type { DomainContext } from '../context'

/** Stores the signed-in user's language (null: follow the browser's Accept-Language again). */
export async function setOwnLocale(ctx: DomainContext, actor: Actor, locale: LocaleCode | null): Promise<{ locale: LocaleCode | null }> {
  await ctx.db.update(users).set({ locale }).where(eq(users.id, actor.user.id))
  return { locale }
}
