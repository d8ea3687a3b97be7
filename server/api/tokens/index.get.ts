// API tokens of the admin's tenant (never their secrets).
import { eq } from 'drizzle-orm'
import { apiTokens, users } from '../../db/schema'
import { authorizeAdmin } from '../../domain/policies'

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const db = await useDatabase()
  const rows = await db
    .select({ id: apiTokens.id, name: apiTokens.name, abilities: apiTokens.abilities, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt, expiresAt: apiTokens.expiresAt, revokedAt: apiTokens.revokedAt, createdAt: apiTokens.createdAt })
    .from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(users.tenantId, actor.user.tenantId))
  return { data: rows }
})
