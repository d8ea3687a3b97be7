// Notifications to users (speeding, geozone, alert), stored with read state and sent on private-user.{u}.
import { and, eq, inArray, isNull } from 'drizzle-orm'
import { channels } from '../../shared/channels'
import type { NotificationPayload } from '../../shared/events'
import type { MessageParams } from '../../shared/server-message'
import { EVENTS } from '../../shared/events'
import type { Database } from '../db/connection'
import { notifications } from '../db/schema'
import type { DomainContext } from './context'
import { storeNotificationBatch } from './notification-batch'

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
  return storeNotificationBatch(db, [{ input, at }])
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
