// Re-enables a disabled user of the admin's tenant.
import { authorizeAdmin } from '../../../domain/policies'
import { setUserDisabled } from '../../../domain/user-admin'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const userId = idParam(event, 'user')
  if (!await setUserDisabled(await useDatabase(), actor, userId, false)) throw createError({ statusCode: 404, statusMessage: `user ${userId}: not found in your tenant` })
  return { id: userId, disabled: false }
})
