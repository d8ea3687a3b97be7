// Creating and revoking API tokens of the admin's tenant: the plain token is returned once, only a hash is kept.
import { and, eq, inArray } from 'drizzle-orm'
import type { Ability } from '../../../shared/access'
import type { Actor } from '../../auth/actor'
import { formatToken, newTokenSecret } from '../../auth/api-tokens'
import { apiTokens, users } from '../../db/schema'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import { recordSettingsChange } from '../settings/settings-change'
import { serverMessage } from '../../i18n/server-message'

export interface NewToken {
  name: string
  abilities: Ability[]
  userId?: number
  expiresInDays?: number
}

export interface CreatedToken {
  id: number
  name: string
  abilities: Ability[]
  userId: number
  expiresAt: Date | null
  /** The plain token: shown once, never stored. */
  token: string
}

/** Creates a token for a user of the admin's tenant (the admin by default); 422 `userId` for anyone else. */
export function createToken(ctx: DomainContext, actor: Actor, input: NewToken): Promise<CreatedToken> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    const userId = input.userId ?? actor.user.id
    const [owner] = await tx.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.id, userId), eq(users.tenantId, actor.user.tenantId))).limit(1)
    if (!owner) throw new DomainError(422, 'userId', `user ${userId} is not in your tenant`, { code: 'validation.notInTenant' })
    const { secret, hash } = newTokenSecret()
    const expiresAt = input.expiresInDays ? new Date(ctx.now().getTime() + input.expiresInDays * 86_400_000) : null
    const [row] = await tx.insert(apiTokens).values({ userId, name: input.name, abilities: input.abilities, tokenHash: hash, expiresAt, createdAt: ctx.now() }).returning({ id: apiTokens.id })
    const token = { id: row!.id, name: input.name, abilities: input.abilities, userId, expiresAt, token: formatToken(row!.id, secret) }
    const message = serverMessage('messages.activity.tokenCreated', { actor: actor.user.name, name: input.name, abilities: input.abilities.join(', '), owner: owner.name })
    return { tenantId: actor.user.tenantId, subject: 'token', action: 'created', id: token.id, message, result: token, broadcast: null }
  })
}

/** Revokes a token of a user of the admin's tenant; 404 `token` for any other (nothing is revealed about it). */
export function revokeToken(ctx: DomainContext, actor: Actor, tokenId: number): Promise<{ id: number, revoked: true }> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    const tenantUsers = tx.select({ id: users.id }).from(users).where(eq(users.tenantId, actor.user.tenantId))
    const [row] = await tx.update(apiTokens).set({ revokedAt: ctx.now() })
      .where(and(eq(apiTokens.id, tokenId), inArray(apiTokens.userId, tenantUsers)))
      .returning({ id: apiTokens.id, name: apiTokens.name })
    if (!row) throw new DomainError(404, 'token', `token ${tokenId} is not in your tenant`)
    const message = serverMessage('messages.activity.tokenRevoked', { actor: actor.user.name, name: row.name })
    return { tenantId: actor.user.tenantId, subject: 'token', action: 'revoked', id: row.id, message, result: { id: row.id, revoked: true as const }, broadcast: null }
  })
}
