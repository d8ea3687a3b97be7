// Readings ingest: a gateway's register values stored in one batch, its data points' latest values, its contact.
import { channels } from '../../../shared/channels'
import type { ReadingPayload } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import { insertMany } from '../../db/bulk-insert'
import type { Database } from '../../db/connection'
import { readings } from '../../db/schema'
import type { DomainContext } from '../context'
import type { IngestOutcome } from '../ingest-outcome'
import { markContact } from './contact'
import { lockGatewayBySerial } from './find-gateway'
import { updateLatestValues } from './latest-values'
import type { ReadingsIngestInput } from './readings-schema'
import { resolveReadings } from './resolve-readings'
import { announceTransitions } from './transitions'

export interface ReadingsIngestResponse {
  gatewayId: number
  accepted: number
  online: boolean
  lastContactAt: string
}

/**
 * Stores the readings of one gateway of `tenantId` in `tx`; after commit, announces one `reading.new` with
 * all of them on the gateway's channel and, when the gateway was offline, its status change.
 */
export async function ingestReadings(ctx: DomainContext, tx: Database, tenantId: number, input: ReadingsIngestInput): Promise<IngestOutcome<ReadingsIngestResponse>> {
  const now = ctx.now()
  const gateway = await lockGatewayBySerial(tx, tenantId, input.gateway)
  const rows = await resolveReadings(tx, gateway, input.readings, now)
  await insertMany(tx, readings, rows)
  await updateLatestValues(tx, rows)
  const contact = await markContact(tx, gateway, now)
  const payload: ReadingPayload = {
    gatewayId: gateway.id,
    readings: rows.map(row => ({ dataPointId: row.dataPointId, value: row.value, quality: row.quality, recordedAt: row.recordedAt.toISOString() })),
  }
  return {
    response: { gatewayId: gateway.id, accepted: rows.length, online: true, lastContactAt: now.toISOString() },
    announce: (context) => {
      announceTransitions(context, contact.transition ? [contact.transition] : [])
      context.broadcaster.broadcast([channels.gateway(gateway.id)], EVENTS.readingNew, payload)
    },
  }
}
