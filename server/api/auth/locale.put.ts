// The signed-in user chooses the language of their pages (the user menu's language selector).
import { z } from 'zod'
import { LOCALES } from '../../../shared/locales'
import { setOwnLocale } from '../../domain/users/user-locale'

const localeChoice = z.object({ locale: z.enum(LOCALES).nullable() }).strict()

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  const input = await validBody(event, localeChoice)
  return { data: await setOwnLocale(await useDomain(), actor, input.locale) }
})
