// Stores one device message: decoded into its domain ingest call, run in one transaction with the
// redelivery guard (telemetry, the high-rate stream, in a transaction shared with its tenant's messages that
// arrive together: telemetry-group-commit.ts). The domain's refusals (unknown node, a command move outside its lifecycle) come back
// as refusals naming the field; an unreachable database is thrown, so the message is not acknowledged.
import type { DomainContext } from '../../domain/context'
import { DomainError } from '../../domain/errors'
import type { Delivery } from '../../ingest/delivery-once'
import { claimDelivery } from '../../ingest/delivery-once'
import { runIngest } from '../../ingest/run-ingest'
import type { TelemetryInput } from '../../domain/zones/telemetry-schema'
import type { IngestCall } from './device-messages'
import { ingestCallFor } from './device-messages'
import type { Refusal } from './message-body'
import { telemetryGroupCommit } from './telemetry-group-commit'
import type { DeviceTopic } from './topics'

type TelemetryItem = NonNullable<TelemetryInput['items']>[number]

/** `overflow`: a QoS 0 message dropped because the telemetry queue was full (see telemetry-group-commit.ts). */
export type IngestResult = { outcome: 'stored' | 'duplicate' | 'overflow' } | { outcome: 'invalid', refusal: Refusal }

/** Stores the message `payload` published on `topic` for `tenantId`; `delivery` guards QoS 1 redeliveries. */
export async function ingestMessage(ctx: DomainContext, tenantId: number, topic: DeviceTopic, payload: Uint8Array, delivery: Delivery | null): Promise<IngestResult> {
  const call = ingestCallFor(topic, payload)
  if (!call.ok) return { outcome: 'invalid', refusal: call.refusal }
  const alone = () => ingestAlone(ctx, tenantId, call.value, delivery)
  if (topic.kind === 'telemetry') return telemetryGroupCommit.store(ctx, tenantId, call.value.input as TelemetryItem, delivery, alone)
  return alone()
}

/** Stores one message in a transaction of its own. */
async function ingestAlone(ctx: DomainContext, tenantId: number, call: IngestCall, delivery: Delivery | null): Promise<IngestResult> {
  try {
    return await runIngest(ctx, tenantId, call.ingest, call.input as never, async (tx, work) => {
      if (delivery && !await claimDelivery(tx, tenantId, delivery)) return { outcome: 'duplicate' as const }
      await work()
      return { outcome: 'stored' as const }
    })
  }
  catch (error) {
    if (error instanceof DomainError) return { outcome: 'invalid', refusal: { field: error.field, message: error.message.slice(error.field.length + 2) } }
    throw error
  }
}
