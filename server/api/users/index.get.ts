// Users of the admin's tenant.
import { eq } from 'drizzle-orm'
import { users } from '../../db/schema'
import { authorizeAdmin } from '../../domain/policies'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const rows = await (await useDatabase())
    .select({ id: users.id, tenantId: users.tenantId, email: users.email, name: users.name, role: users.role, isOwner: users.isOwner, disabledAt: users.disabledAt, createdAt: users.createdAt })
    .from(users).where(eq(users.tenantId, actor.user.tenantId)).orderBy(users.id)
  return { data: rows }
})
