// Disabling and re-enabling users of a tenant; a disabled user's live connections are closed at once.
import { and, eq } from 'drizzle-orm'
import type { Actor } from '../auth/actor'
import type { Database } from '../db/connection'
import { users } from '../db/schema'

/** Sets or clears `disabled_at` of a user in the admin's tenant; false when no such user. */
export async function setUserDisabled(db: Database, admin: Actor, userId: number, disabled: boolean): Promise<boolean> {
  const updated = await db.update(users).set({ disabledAt: disabled ? new Date() : null })
    .where(and(eq(users.id, userId), eq(users.tenantId, admin.user.tenantId)))
    .returning({ id: users.id })
  return updated.length > 0
}

/** True when the user belongs to the admin's tenant. */
export async function isTenantUser(db: Database, admin: Actor, userId: number): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.tenantId, admin.user.tenantId))).limit(1)
  return row !== undefined
}
