// Notifications to users (speeding, geozone, alert), stored with read state and sent on private-user.{u}.
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { channels } from '../../shared/channels'
import type { NotificationPayload } from '../../shared/events'
import type { MessageParams } from '../../shared/server-message'
import { serverMessage } from '../i18n/server-message'
import { EVENTS } from '../../shared/events'
import type { Database } from '../db/connection'
import { notifications, users } from '../db/schema'
import type { DomainContext } from './context'

export interface NotificationInput {
  tenantId: number
  kind: string
  /** Catalogue code with `.title` and `.body` entries, rendered for each reader (stored in English too). */
  code: string
  params: MessageParams
}

export interface StoredNotification extends NotificationPayload {
  userId: number
}

/** Stores one notification for every active user of the tenant (in the caller's transaction). */
export async function storeNotifications(db: Database, input: NotificationInput, at: Date): Promise<StoredNotification[]> {
  const recipients = await db.select({ id: users.id }).from(users).where(and(eq(users.tenantId, input.tenantId), isNull(users.disabledAt)))
  if (recipients.length === 0) return []
  const title = serverMessage(`${input.code}.title`, input.params).text
  const body = serverMessage(`${input.code}.body`, input.params).text
  const rows = await db.insert(notifications).values(recipients.map(user => ({
    tenantId: input.tenantId, userId: user.id, kind: input.kind, title, body, messageCode: input.code, messageParams: input.params, createdAt: at,
  }))).returning()
  return rows.map(row => ({ id: row.id, userId: row.userId, kind: row.kind, title: row.title, body: row.body, messageCode: row.messageCode, messageParams: row.messageParams, createdAt: row.createdAt.toISOString(), readAt: null }))
}

/** Sends stored notifications to their users (after commit). */
export function announceNotifications(ctx: DomainContext, stored: StoredNotification[]): void {
  for (const { userId, ...payload } of stored) ctx.broadcaster.broadcast([channels.user(userId)], EVENTS.notification, payload)
}

/** Marks notifications of `userId` read; returns the ids that changed. */
export async function markNotificationsRead(ctx: DomainContext, userId: number, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return []
  const rows = await ctx.db.update(notifications).set({ readAt: ctx.now() })
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, ids), isNull(notifications.readAt)))
    .returning({ id: notifications.id })
  return rows.map(row => row.id)
}
