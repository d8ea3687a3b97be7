// The signed-in user changes their own password (the current one is asked for again).
import { changeOwnPassword } from '../../domain/users/people-admin'
import { ownPasswordSchema } from '../../domain/users/user-schema'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  if (actor.via !== 'session') throw createError({ statusCode: 403, statusMessage: 'Forbidden: sign in to change your password' })
  const input = await validBody(event, ownPasswordSchema)
  return { data: await domainCall(async () => changeOwnPassword(await useDomain(), actor, input.currentPassword, input.password)) }
})
