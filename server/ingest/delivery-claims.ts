// Claims of several QoS 1 deliveries in one statement, for messages stored together (see delivery-once.ts).
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/connection'
import { idempotencyKeys } from '../db/schema'
import type { Delivery } from './delivery-once'

/**
 * Claims `deliveries` (distinct keys) for `tenantId` in `tx`, with the rule of claimDelivery for each: returns
 * the keys whose messages must be stored.
 */
export async function claimDeliveries(tx: Database, tenantId: number, deliveries: Delivery[]): Promise<Set<string>> {
  if (deliveries.length === 0) return new Set()
  const rows = deliveries.map(delivery => ({
    tenantId, key: delivery.key, statusCode: 0, response: {},
    // The redelivery flag rides in the stored hash's comparison below, not in the row.
    requestHash: createHash('sha256').update(delivery.payload).digest('hex'),
  }))
  const redeliveries = deliveries.filter(delivery => delivery.redelivery).map(delivery => delivery.key)
  const keep = redeliveries.length === 0
    ? sql`true`
    : sql`not (excluded.key in (${sql.join(redeliveries.map(key => sql`${key}`), sql`, `)}) and ${idempotencyKeys.requestHash} = excluded.request_hash)`
  const claimed = await tx.insert(idempotencyKeys).values(rows)
    .onConflictDoUpdate({ target: [idempotencyKeys.tenantId, idempotencyKeys.key], set: { requestHash: sql`excluded.request_hash`, createdAt: sql`now()` }, setWhere: keep })
    .returning({ key: idempotencyKeys.key })
  return new Set(claimed.map(row => row.key))
}
