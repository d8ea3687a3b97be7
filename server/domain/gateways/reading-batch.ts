// The one way readings are stored and announced, pushed or polled: a batch of rows, latest values, one `reading.new`.
import { channels } from '../../../shared/channels'
import type { ReadingPayload } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { readings } from '../../db/schema'
import type { DomainContext } from '../context'
import { updateLatestValues } from './latest-values'
import type { ReadingRow } from './resolve-readings'
import type { GatewayTransition } from './transitions'
import { announceTransitions } from './transitions'

/** Inserts the rows in one statement and moves their data points' latest values. */
export async function storeReadingBatch(tx: Database, rows: ReadingRow[]): Promise<void> {
  if (rows.length === 0) return
  await tx.insert(readings).values(rows)
  await updateLatestValues(tx, rows)
}

/** The `reading.new` items of stored rows. */
export function readingItems(rows: ReadingRow[]): ReadingPayload['readings'] {
  return rows.map(row => ({ dataPointId: row.dataPointId, value: row.value, quality: row.quality, recordedAt: row.recordedAt.toISOString() }))
}

/** After commit: the gateway's status change (if any), then one `reading.new` with every item (none: no event). */
export function announceReadings(ctx: DomainContext, gatewayId: number, items: ReadingPayload['readings'], transition: GatewayTransition | null): void {
  announceTransitions(ctx, transition ? [transition] : [])
  if (items.length === 0) return
  const payload: ReadingPayload = { gatewayId, readings: items }
  ctx.broadcaster.broadcast([channels.gateway(gatewayId)], EVENTS.readingNew, payload)
}
