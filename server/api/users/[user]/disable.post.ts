// Disables a user of the admin's tenant: their sessions and tokens stop working and their sockets close.
import { authorizeAdmin } from '../../../domain/policies'
import { setUserDisabled } from '../../../domain/user-admin'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const userId = idParam(event, 'user')
  if (userId === actor.user.id) throw createError({ statusCode: 422, statusMessage: 'user: you cannot disable yourself' })
  if (!await setUserDisabled(await useDatabase(), actor, userId, true)) throw createError({ statusCode: 404, statusMessage: `user ${userId}: not found in your tenant` })
  return { id: userId, disabled: true, connectionsClosed: terminateUserConnections(userId) }
})
