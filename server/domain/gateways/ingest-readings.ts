// Readings ingest: a gateway's register values stored in one batch, its data points' latest values, its contact.
import type { Database } from '../../db/connection'
import type { DomainContext } from '../context'
import type { IngestOutcome } from '../ingest-outcome'
import { markContact } from './contact'
import { lockGatewayBySerial } from './find-gateway'
import { announceReadings, readingItems, storeReadingBatch } from './reading-batch'
import type { ReadingsIngestInput } from './readings-schema'
import { resolveReadings } from './resolve-readings'

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
  await storeReadingBatch(tx, rows)
  const contact = await markContact(tx, gateway, now)
  const items = readingItems(rows)
  return {
    response: { gatewayId: gateway.id, accepted: rows.length, online: true, lastContactAt: now.toISOString() },
    announce: context => announceReadings(context, gateway.id, items, contact.transition),
  }
}
