// Creates an API token for a user of the admin's tenant; the plain token is shown once.
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { ABILITIES } from '../../../shared/access'
import { formatToken, newTokenSecret } from '../../auth/api-tokens'
import { apiTokens, users } from '../../db/schema'
import { authorizeAdmin } from '../../domain/policies'

const body = z.object({
  name: z.string().trim().min(1).max(100),
  abilities: z.array(z.enum(ABILITIES)).min(1),
  userId: z.number().int().positive().optional(),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
})

export default defineEventHandler(async (event) => {
  const actor = await useActor(event)
  enforce(authorizeAdmin(actor))
  const input = await validBody(event, body)
  const db = await useDatabase()
  const userId = input.userId ?? actor.user.id
  const [owner] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.tenantId, actor.user.tenantId))).limit(1)
  if (!owner) throw createError({ statusCode: 422, statusMessage: `userId: user ${userId} is not in your tenant` })
  const { secret, hash } = newTokenSecret()
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null
  const [token] = await db.insert(apiTokens).values({ userId, name: input.name, abilities: input.abilities, tokenHash: hash, expiresAt }).returning({ id: apiTokens.id })
  setResponseStatus(event, 201)
  return { id: token!.id, name: input.name, abilities: input.abilities, userId, expiresAt, token: formatToken(token!.id, secret) }
})
