// Group commit of telemetry messages: a tenant's messages that arrive while its previous batch is being stored
// (or in the same event-loop turn) are stored together, in one transaction through the telemetry ingest's
// `items` form, with their redelivery claims. One transaction per message costs milliseconds of database work
// each; a batch costs about the same as one. Each message is still acknowledged only once its batch committed.
// A batch the domain refuses (a node deleted meanwhile, a sample stamped in the future) is stored message by
// message instead, so only the wrong one is refused.
// The messages queued or being stored are bounded (AdmissionGate): past the bound a QoS 1 message waits, so its
// PUBACK is late and the embedded broker reads nothing more from that client until it is stored (read-pacing.ts;
// nothing is dropped); a QoS 0 message, which the device will not resend anyway, is dropped as `overflow`
// (counted and logged by the caller).
import type { DomainContext } from '../../domain/context'
import { DomainError } from '../../domain/errors'
import { ingestTelemetry } from '../../domain/zones/telemetry-ingest'
import type { TelemetryInput } from '../../domain/zones/telemetry-schema'
import { AdmissionGate } from '../../ingest/admission-gate'
import { claimDeliveries } from '../../ingest/delivery-claims'
import type { Delivery } from '../../ingest/delivery-once'
import type { IngestResult } from './ingest-message'

type TelemetryItem = NonNullable<TelemetryInput['items']>[number]

interface Pending {
  item: TelemetryItem
  delivery: Delivery | null
  /** Stores the message on its own (when its batch was refused). */
  alone: () => Promise<IngestResult>
  resolve: (result: IngestResult) => void
  reject: (error: unknown) => void
}

/** Most messages stored in one transaction. */
const MAX_BATCH = 1000

/** Most messages queued or being stored at once: a few seconds of 1 000 devices at 10 messages/s. */
export const TELEMETRY_QUEUE_CAPACITY = 20_000

export class TelemetryGroupCommit {
  private readonly waiting = new Map<number, Pending[]>()
  private readonly storing = new Set<number>()
  private readonly gate: AdmissionGate

  constructor(capacity = TELEMETRY_QUEUE_CAPACITY) {
    this.gate = new AdmissionGate(capacity)
  }

  /** Messages queued or being stored, and QoS 1 messages waiting for room. */
  get load(): { messages: number, waiting: number } {
    return { messages: this.gate.inFlight, waiting: this.gate.waiting }
  }

  /** True when a message would wait for room now (QoS 1) or be dropped (QoS 0). */
  get full(): boolean {
    return this.gate.full
  }

  /**
   * Stores `item` of `tenantId` with the messages around it; resolves once committed. While the queue is full a
   * QoS 1 message (with a `delivery`) waits for room; a QoS 0 one resolves at once as `overflow`, not stored.
   */
  async store(ctx: DomainContext, tenantId: number, item: TelemetryItem, delivery: Delivery | null, alone: () => Promise<IngestResult>): Promise<IngestResult> {
    if (delivery) await this.gate.enter(1)
    else if (!this.gate.tryEnter(1)) return { outcome: 'overflow' }
    try {
      return await new Promise((resolve, reject) => {
        const queue = this.waiting.get(tenantId) ?? this.waiting.set(tenantId, []).get(tenantId)!
        queue.push({ item, delivery, alone, resolve, reject })
        if (queue.length === 1 && !this.storing.has(tenantId)) setImmediate(() => void this.flush(ctx, tenantId))
      })
    }
    finally {
      this.gate.leave(1)
    }
  }

  private async flush(ctx: DomainContext, tenantId: number): Promise<void> {
    const queue = this.waiting.get(tenantId) ?? []
    if (queue.length === 0 || this.storing.has(tenantId)) return
    this.storing.add(tenantId)
    const batch = takeBatch(queue)
    try {
      let announce: ((ctx: DomainContext) => void) | null = null
      const stored = await ctx.db.transaction(async (tx) => {
        const claimed = await claimDeliveries(tx, tenantId, batch.flatMap(pending => pending.delivery ? [pending.delivery] : []))
        const fresh = batch.filter(pending => !pending.delivery || claimed.has(pending.delivery.key))
        if (fresh.length > 0) announce = (await ingestTelemetry(ctx, tx, tenantId, { items: fresh.map(pending => pending.item) })).announce
        return new Set(fresh)
      })
      ;(announce as ((ctx: DomainContext) => void) | null)?.(ctx)
      for (const pending of batch) pending.resolve({ outcome: stored.has(pending) ? 'stored' : 'duplicate' })
    }
    catch (error) {
      if (!(error instanceof DomainError)) batch.forEach(pending => pending.reject(error))
      else for (const pending of batch) await pending.alone().then(pending.resolve, pending.reject)
    }
    finally {
      this.storing.delete(tenantId)
      if (queue.length > 0) setImmediate(() => void this.flush(ctx, tenantId))
    }
  }
}

/** The next messages of `queue`, up to MAX_BATCH and before a second message of one delivery (one claim each). */
function takeBatch(queue: Pending[]): Pending[] {
  const keys = new Set<string>()
  let count = 0
  while (count < queue.length && count < MAX_BATCH) {
    const key = queue[count]!.delivery?.key
    if (key !== undefined && keys.has(key)) break
    if (key !== undefined) keys.add(key)
    count += 1
  }
  return queue.splice(0, count)
}

/** The process's group commit of MQTT telemetry. */
export const telemetryGroupCommit = new TelemetryGroupCommit()
