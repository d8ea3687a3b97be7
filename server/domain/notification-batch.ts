// Notifications of a whole ingest batch (every speeding start and geozone crossing of a request) stored at once:
// one query for the recipients and one INSERT for all rows, instead of both per notification.
import { and, asc, inArray, isNull } from 'drizzle-orm'
import { insertManyReturning } from '../db/bulk-insert-returning'
import type { Database } from '../db/connection'
import { notifications, users } from '../db/schema'
import { serverMessage } from '../i18n/server-message'
import type { NotificationInput, StoredNotification } from './notifications'

/** A notification to store for every active user of its tenant, created at `at`. */
export interface PendingNotification {
  input: NotificationInput
  at: Date
}

/** Stores what storeNotifications would for each of `pending`, in two statements; returned in the order of `pending`. */
export async function storeNotificationBatch(db: Database, pending: PendingNotification[]): Promise<StoredNotification[]> {
  if (pending.length === 0) return []
  const tenantIds = [...new Set(pending.map(item => item.input.tenantId))]
  const recipients = await db.select({ id: users.id, tenantId: users.tenantId }).from(users)
    .where(and(inArray(users.tenantId, tenantIds), isNull(users.disabledAt))).orderBy(asc(users.id))
  const rows = pending.flatMap(({ input, at }) => {
    const readers = recipients.filter(user => user.tenantId === input.tenantId)
    if (readers.length === 0) return []
    const title = serverMessage(`${input.code}.title`, input.params).text
    const body = serverMessage(`${input.code}.body`, input.params).text
    return readers.map(user => ({ tenantId: input.tenantId, userId: user.id, kind: input.kind, title, body, messageCode: input.code, messageParams: input.params, createdAt: at }))
  })
  const stored = await insertManyReturning(db, notifications, rows)
  return stored.map(row => ({
    id: row.id, userId: row.userId, kind: row.kind, title: row.title, body: row.body, messageCode: row.messageCode, messageParams: row.messageParams,
    createdAt: row.createdAt.toISOString(), readAt: null,
  }))
}
