// Admins add people to their tenant, change their name, e-mail or role and reset their passwords; everyone
// changes their own password. E-mail addresses are unique across the installation (the login form has no tenant).
import { and, eq, ne } from 'drizzle-orm'
import type { UserSettings } from '../../../shared/settings'
import type { Actor } from '../../auth/actor'
import { hashPassword, verifyPassword } from '../../auth/password'
import type { Database } from '../../db/connection'
import { users } from '../../db/schema'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import { setUserDisabled } from '../user-admin'
import { recordSettingsChange } from '../settings/settings-change'
import { requireConfigure } from '../settings/settings-policy'
import type { NewUserInput, UserChangeInput } from './user-schema'
import { toUserSettings } from './user-settings'
import { serverMessage, term } from '../../i18n/server-message'

const UNIQUE = { users_email_unique: 'email' }

/** Adds a user to `tenantId`; 409 `email` when anyone in the installation has the address. */
export function createUser(ctx: DomainContext, actor: Actor, tenantId: number, input: NewUserInput): Promise<UserSettings> {
  requireConfigure(actor, tenantId, 'tenant')
  return recordSettingsChange(ctx, actor, async (tx) => {
    await requireFreeEmail(tx, input.email)
    const [row] = await tx.insert(users).values({
      tenantId, name: input.name, email: input.email, role: input.role, passwordHash: await hashPassword(input.password), createdAt: ctx.now(),
    }).returning()
    const user = toUserSettings(row!)
    return { tenantId, subject: 'user', action: 'created', id: user.id, message: serverMessage('messages.activity.userCreated', { actor: actor.user.name, name: user.name, role: roleTerm(user.role) }), result: user, broadcast: null }
  }, UNIQUE)
}

/** Changes a user's name, e-mail or role; an admin cannot change their own role (a tenant keeps its admin). */
export function updateUser(ctx: DomainContext, actor: Actor, userId: number, input: UserChangeInput): Promise<UserSettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    const current = await lockTenantUser(tx, actor, userId)
    if (input.role !== undefined && input.role !== current.role && userId === actor.user.id) throw new DomainError(422, 'role', 'you cannot change your own role', { code: 'validation.ownRole' })
    if (input.email !== undefined && input.email !== current.email) await requireFreeEmail(tx, input.email, userId)
    const [row] = await tx.update(users).set({ name: input.name, email: input.email, role: input.role }).where(eq(users.id, userId)).returning()
    const user = toUserSettings(row!)
    const message = input.role !== undefined && input.role !== current.role
      ? serverMessage('messages.activity.userRoleChanged', { actor: actor.user.name, name: user.name, role: roleTerm(user.role) })
      : serverMessage('messages.activity.userChanged', { actor: actor.user.name, name: user.name })
    return { tenantId: user.tenantId, subject: 'user', action: 'updated', id: userId, message, result: user, broadcast: null }
  }, UNIQUE)
}

/** Sets a new password for a user of the admin's tenant. */
export function resetPassword(ctx: DomainContext, actor: Actor, userId: number, password: string): Promise<UserSettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    await lockTenantUser(tx, actor, userId)
    const [row] = await tx.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, userId)).returning()
    const user = toUserSettings(row!)
    return { tenantId: user.tenantId, subject: 'user', action: 'updated', id: userId, message: serverMessage('messages.activity.userPasswordReset', { actor: actor.user.name, name: user.name }), result: user, broadcast: null }
  })
}

/** Changes the actor's own password; 422 `currentPassword` when the current one is wrong. */
export function changeOwnPassword(ctx: DomainContext, actor: Actor, currentPassword: string, password: string): Promise<UserSettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    const [row] = await tx.select().from(users).where(eq(users.id, actor.user.id)).for('update')
    if (!row || !await verifyPassword(currentPassword, row.passwordHash)) throw new DomainError(422, 'currentPassword', 'is not your current password', { code: 'validation.wrongCurrentPassword' })
    const [updated] = await tx.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, row.id)).returning()
    const user = toUserSettings(updated!)
    return { tenantId: user.tenantId, subject: 'user', action: 'updated', id: user.id, message: serverMessage('messages.activity.ownPasswordChanged', { name: user.name }), result: user, broadcast: null }
  })
}

/** Disables or re-enables a user of the admin's tenant, in the activity feed; 404 `user` for anyone else. */
export function setUserAccess(ctx: DomainContext, actor: Actor, userId: number, disabled: boolean): Promise<UserSettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    if (!await setUserDisabled(tx, actor, userId, disabled)) throw new DomainError(404, 'user', `user ${userId} is not in your tenant`)
    const [row] = await tx.select().from(users).where(eq(users.id, userId))
    const user = toUserSettings(row!)
    const message = serverMessage(disabled ? 'messages.activity.userDisabled' : 'messages.activity.userEnabled', { actor: actor.user.name, name: user.name })
    return { tenantId: user.tenantId, subject: 'user', action: 'updated', id: userId, message, result: user, broadcast: null }
  })
}

async function lockTenantUser(tx: Database, actor: Actor, userId: number): Promise<typeof users.$inferSelect> {
  const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update')
  requireConfigure(actor, row?.tenantId, 'user')
  return row!
}

async function requireFreeEmail(tx: Database, email: string, exceptId?: number): Promise<void> {
  // Across tenants on purpose, and worded without saying whose it is.
  const [taken] = await tx.select({ id: users.id }).from(users).where(and(eq(users.email, email), exceptId ? ne(users.id, exceptId) : undefined)).limit(1)
  if (taken) throw new DomainError(409, 'email', 'is already taken', { code: 'validation.taken' })
}

const roleTerm = (role: string) => term(`messages.roles.${role}`, role)
