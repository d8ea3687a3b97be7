// Re-enables a disabled user of the admin's tenant (in the activity feed); none of their old sessions come back.
import { authorizeAdmin } from '../../../domain/policies'
import { setUserAccess } from '../../../domain/users/people-admin'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const userId = idParam(event, 'user')
  await domainCall(async () => setUserAccess(await useDomain(), actor, userId, false))
  return { id: userId, disabled: false }
})
