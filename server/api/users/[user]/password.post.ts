// An admin resets the password of a user of their tenant.
import { authorizeAdmin } from '../../../domain/policies'
import { resetPassword } from '../../../domain/users/people-admin'
import { passwordResetSchema } from '../../../domain/users/user-schema'

export default defineEventHandler(async (event) => {
  const userId = idParam(event, 'user')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const { password } = await validBody(event, passwordResetSchema)
  return { data: await domainCall(async () => resetPassword(await useDomain(), actor, userId, password)) }
})
