// Group commit of telemetry messages (GroupCommit, one lane per tenant): a tenant's messages that arrive while its
// previous batch is being stored (or in the same event-loop turn) are stored together, in one transaction through
// the telemetry ingest's `items` form, with their redelivery claims. Each message is still acknowledged only once
// its batch committed. A batch the domain refuses (a node deleted meanwhile, a sample stamped in the future) is
// stored message by message instead, so only the wrong one is refused.
// The messages queued or being stored are bounded: past the bound a QoS 1 message waits, so its PUBACK is late and
// the embedded broker reads nothing more from that client until it is stored (read-pacing.ts; nothing is dropped);
// a QoS 0 message, which the device will not resend anyway, is dropped as `overflow` (counted and logged by the caller).
import type { DomainContext } from '../../domain/context'
import { DomainError } from '../../domain/errors'
import { ingestTelemetry } from '../../domain/zones/telemetry-ingest'
import type { TelemetryInput } from '../../domain/zones/telemetry-schema'
import { claimDeliveries } from '../../ingest/delivery-claims'
import type { Delivery } from '../../ingest/delivery-once'
import { GroupCommit } from '../../ingest/group-commit'
import type { IngestResult } from './ingest-message'

type TelemetryItem = NonNullable<TelemetryInput['items']>[number]

interface Message {
  ctx: DomainContext
  tenantId: number
  item: TelemetryItem
  delivery: Delivery | null
  /** Stores the message on its own (when its batch was refused). */
  alone: () => Promise<IngestResult>
}

/** Most messages stored in one transaction. */
const MAX_BATCH = 1000

/** Most messages queued or being stored at once: a few seconds of 1 000 devices at 10 messages/s. */
export const TELEMETRY_QUEUE_CAPACITY = 20_000

export class TelemetryGroupCommit {
  private readonly commits: GroupCommit<Message, IngestResult>

  constructor(capacity = TELEMETRY_QUEUE_CAPACITY) {
    this.commits = new GroupCommit({
      capacity,
      maxBatch: MAX_BATCH,
      lane: message => message.tenantId,
      // One claim per delivery in a batch.
      key: message => message.delivery?.key,
      commit: storeMessages,
      retryAlone: error => error instanceof DomainError,
      alone: message => message.alone(),
    })
  }

  /** Messages queued or being stored, and QoS 1 messages waiting for room. */
  get load(): { messages: number, waiting: number } {
    return { messages: this.commits.load.weight, waiting: this.commits.load.waiting }
  }

  /** True when a message would wait for room now (QoS 1) or be dropped (QoS 0). */
  get full(): boolean {
    return this.commits.full
  }

  /**
   * Stores `item` of `tenantId` with the messages around it; resolves once committed. While the queue is full a
   * QoS 1 message (with a `delivery`) waits for room; a QoS 0 one resolves at once as `overflow`, not stored.
   */
  store(ctx: DomainContext, tenantId: number, item: TelemetryItem, delivery: Delivery | null, alone: () => Promise<IngestResult>): Promise<IngestResult> {
    const message = { ctx, tenantId, item, delivery, alone }
    if (delivery) return this.commits.submit(message)
    return this.commits.offer(message) ?? Promise.resolve({ outcome: 'overflow' })
  }
}

/** Stores one tenant's `messages` in one transaction with their claims; redelivered ones come back as duplicates. */
async function storeMessages(messages: Message[]): Promise<IngestResult[]> {
  const { ctx, tenantId } = messages[0]!
  let announce: ((ctx: DomainContext) => void) | null = null
  const stored = await ctx.db.transaction(async (tx) => {
    const claimed = await claimDeliveries(tx, tenantId, messages.flatMap(message => message.delivery ? [message.delivery] : []))
    const fresh = messages.filter(message => !message.delivery || claimed.has(message.delivery.key))
    if (fresh.length > 0) announce = (await ingestTelemetry(ctx, tx, tenantId, { items: fresh.map(message => message.item) })).announce
    return new Set(fresh)
  })
  ;(announce as ((ctx: DomainContext) => void) | null)?.(ctx)
  return messages.map(message => ({ outcome: stored.has(message) ? 'stored' : 'duplicate' }))
}

/** The process's group commit of MQTT telemetry. */
export const telemetryGroupCommit = new TelemetryGroupCommit()
