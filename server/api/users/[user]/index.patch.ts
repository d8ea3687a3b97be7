// An admin changes a user's name, e-mail or role (users of their tenant; not their own role).
// A role change closes the user's sockets as disable does: what was signed under the old role goes with them.
import { and, eq } from 'drizzle-orm'
import { users } from '../../../db/schema'
import { authorizeAdmin } from '../../../domain/policies'
import { updateUser } from '../../../domain/users/people-admin'
import { userChangeSchema } from '../../../domain/users/user-schema'

export default defineEventHandler(async (event) => {
  const userId = idParam(event, 'user')
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, userChangeSchema)
  const [before] = input.role === undefined
    ? []
    : await (await useDatabase()).select({ role: users.role }).from(users).where(and(eq(users.id, userId), eq(users.tenantId, actor.user.tenantId)))
  const user = await domainCall(async () => updateUser(await useDomain(), actor, userId, input))
  if (before && before.role !== user.role) terminateUserConnections(userId)
  return { data: user }
})
