// Closes every live connection of a user of the admin's tenant (they may reconnect and re-authorise).
import { authorizeAdmin } from '../../../domain/policies'
import { isTenantUser } from '../../../domain/user-admin'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const userId = idParam(event, 'user')
  if (!await isTenantUser(await useDatabase(), actor, userId)) throw createError({ statusCode: 404, statusMessage: `user ${userId}: not found in your tenant` })
  return { id: userId, connectionsClosed: terminateUserConnections(userId) }
})
