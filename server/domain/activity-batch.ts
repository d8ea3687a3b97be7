// Activity events of a whole ingest batch stored in one INSERT (every geozone crossing of a request).
import { insertManyReturning } from '../db/bulk-insert-returning'
import type { Database } from '../db/connection'
import { activityEvents } from '../db/schema'
import type { ActivityEventPayload } from '../../shared/events'
import type { ActivityInput } from './activity'

/** Stores what storeActivity would for each of `events`, in one statement; payloads in the order given. */
export async function storeActivityBatch(db: Database, events: Array<{ input: ActivityInput, at: Date }>): Promise<ActivityEventPayload[]> {
  const rows = await insertManyReturning(db, activityEvents, events.map(({ input, at }) => ({
    tenantId: input.tenantId, kind: input.kind, message: input.message.text, messageCode: input.message.code, messageParams: input.message.params,
    actorUserId: input.actorUserId ?? null, subject: input.subject ?? {}, createdAt: at,
  })))
  return rows.map(row => ({ ...row, createdAt: row.createdAt.toISOString() }))
}
