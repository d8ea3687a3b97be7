// Exactly-once storage of QoS 1 MQTT deliveries. A client re-sends an unacknowledged PUBLISH with the DUP
// flag and the same packet id; packet ids are reused once acknowledged, so the id alone names a message only
// until the next first delivery (DUP unset) with that id. The claim is written in the message's own transaction:
// a redelivery of a message whose transaction committed (the PUBACK was lost, or the server died before
// sending it) finds the claim and stores nothing; one whose transaction never committed finds none and stores.
import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { Database } from '../db/connection'
import { idempotencyKeys } from '../db/schema'

export interface Delivery {
  /** Names the sender's packet-id space: `mqtt:<client id>:<packet id>`. */
  key: string
  payload: Uint8Array
  /** The DUP flag: the sender says it may have sent this packet before. */
  redelivery: boolean
}

/**
 * Claims `delivery` for `tenantId` in `tx`; true when its message must be stored. A first delivery always
 * is (and replaces an older message's claim of the same packet id); a redelivery only when no claim with the
 * same payload was committed.
 */
export async function claimDelivery(tx: Database, tenantId: number, delivery: Delivery): Promise<boolean> {
  const requestHash = createHash('sha256').update(delivery.payload).digest('hex')
  const replaceWhen = delivery.redelivery ? sql`${idempotencyKeys.requestHash} <> excluded.request_hash` : sql`true`
  const claimed = await tx.insert(idempotencyKeys)
    .values({ tenantId, key: delivery.key, requestHash, statusCode: 0, response: {} })
    .onConflictDoUpdate({ target: [idempotencyKeys.tenantId, idempotencyKeys.key], set: { requestHash, createdAt: sql`now()` }, setWhere: replaceWhen })
    .returning({ key: idempotencyKeys.key })
  return claimed.length > 0
}
