// An admin adds a user (name, e-mail, role, password) to their tenant.
import { authorizeAdmin } from '../../../domain/policies'
import { createUser } from '../../../domain/users/people-admin'
import { newUserSchema } from '../../../domain/users/user-schema'

export default defineEventHandler(async (event) => {
  const tenantId = idParam(event, 'tenant')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, newUserSchema)
  const user = await domainCall(async () => createUser(await useDomain(), actor, tenantId, input))
  setResponseStatus(event, 201)
  return { data: user }
})
