// Disabling and re-enabling users of a tenant; a disabled user's live connections are closed at once.
import { and, eq } from 'drizzle-orm'
import type { Actor } from '../auth/actor'
import { deleteUserSessions } from '../auth/session-records'
import type { Database } from '../db/connection'
import { users } from '../db/schema'

/**
 * Sets or clears `disabled_at` of a user in the admin's tenant; false when no such user. Disabling
 * deletes the user's sessions, so re-enabling revives none of them.
 */
export async function setUserDisabled(db: Database, admin: Actor, userId: number, disabled: boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx.update(users).set({ disabledAt: disabled ? new Date() : null })
      .where(and(eq(users.id, userId), eq(users.tenantId, admin.user.tenantId)))
      .returning({ id: users.id })
    if (updated.length > 0 && disabled) await deleteUserSessions(tx, userId)
    return updated.length > 0
  })
}

/** True when the user belongs to the admin's tenant. */
export async function isTenantUser(db: Database, admin: Actor, userId: number): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, userId), eq(users.tenantId, admin.user.tenantId))).limit(1)
  return row !== undefined
}
