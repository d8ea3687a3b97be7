// The activity feed: who did what and what happened, stored and broadcast on the tenant's events channel.
import { channels } from '../../shared/channels'
import type { ActivityEventPayload } from '../../shared/events'
import type { ServerMessage } from '../../shared/server-message'
import { EVENTS } from '../../shared/events'
import type { Database } from '../db/connection'
import { storeActivityBatch } from './activity-batch'
import type { DomainContext } from './context'

export interface ActivityInput {
  tenantId: number
  kind: string
  message: ServerMessage
  actorUserId?: number | null
  subject?: Record<string, unknown>
}

/** Stores an activity event (inside the caller's transaction when `db` is one) and returns its payload. */
export async function storeActivity(db: Database, input: ActivityInput, at: Date): Promise<ActivityEventPayload> {
  const [event] = await storeActivityBatch(db, [{ input, at }])
  return event!
}

/** Broadcasts stored activity events (after the transaction that stored them has committed). */
export function announceActivity(ctx: DomainContext, events: ActivityEventPayload[]): void {
  for (const event of events) ctx.broadcaster.broadcast([channels.tenant(event.tenantId, 'events')], EVENTS.eventCreated, event)
}

/** Stores and broadcasts one activity event. */
export async function recordActivity(ctx: DomainContext, input: ActivityInput): Promise<ActivityEventPayload> {
  const event = await storeActivity(ctx.db, input, ctx.now())
  announceActivity(ctx, [event])
  return event
}
