// The signed-in user, and a fresh copy of the CSRF cookie for page scripts.
import { shareCsrfToken } from '../../auth/session'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  if (actor.csrf) shareCsrfToken(event, actor.csrf)
  return { user: actor.user, abilities: [...actor.abilities], csrfToken: actor.csrf ?? null }
})
