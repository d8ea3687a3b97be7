// Disables a user of the admin's tenant (in the activity feed): their sessions and tokens stop working and their sockets close.
import { authorizeAdmin } from '../../../domain/policies'
import { setUserAccess } from '../../../domain/users/people-admin'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const userId = idParam(event, 'user')
  if (userId === actor.user.id) throw createError({ statusCode: 422, statusMessage: 'user: you cannot disable yourself' })
  await domainCall(async () => setUserAccess(await useDomain(), actor, userId, true))
  return { id: userId, disabled: true, connectionsClosed: terminateUserConnections(userId) }
})
