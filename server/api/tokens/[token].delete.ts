// Revokes an API token of the admin's tenant.
import { and, eq, inArray } from 'drizzle-orm'
import { apiTokens, users } from '../../db/schema'
import { tokenCredential } from '../../auth/actor'
import { authorizeAdmin } from '../../domain/policies'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const id = idParam(event, 'token')
  const db = await useDatabase()
  const tenantUsers = db.select({ id: users.id }).from(users).where(eq(users.tenantId, actor.user.tenantId))
  const revoked = await db.update(apiTokens).set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), inArray(apiTokens.userId, tenantUsers)))
    .returning({ id: apiTokens.id })
  if (revoked.length === 0) throw createError({ statusCode: 404, statusMessage: `token ${id}: not found in your tenant` })
  return { id, revoked: true, connectionsClosed: revokeCredentialConnections(tokenCredential(id)) }
})
