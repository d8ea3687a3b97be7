// An admin changes a user's name, e-mail or role (users of their tenant; not their own role).
import { authorizeAdmin } from '../../../domain/policies'
import { updateUser } from '../../../domain/users/people-admin'
import { userChangeSchema } from '../../../domain/users/user-schema'

export default defineEventHandler(async (event) => {
  const userId = idParam(event, 'user')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, userChangeSchema)
  return { data: await domainCall(async () => updateUser(await useDomain(), actor, userId, input)) }
})
