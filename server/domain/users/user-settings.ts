// The REST representation of a user row (never the password hash).
import type { UserSettings } from '../../../shared/settings'
import type { users } from '../../db/schema'

/** A user row as the user routes answer it. */
export function toUserSettings(row: typeof users.$inferSelect): UserSettings {
  return {
    id: row.id, tenantId: row.tenantId, email: row.email, name: row.name, role: row.role, isOwner: row.isOwner,
    disabledAt: row.disabledAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString(),
  }
}
