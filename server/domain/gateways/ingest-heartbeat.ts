// Heartbeat ingest: a gateway that has nothing to report says it is alive, which only marks its contact.
import type { Database } from '../../db/connection'
import type { DomainContext } from '../context'
import type { IngestOutcome } from '../ingest-outcome'
import { markContact } from './contact'
import { lockGatewayBySerial } from './find-gateway'
import type { HeartbeatIngestInput } from './readings-schema'
import { announceTransitions } from './transitions'

export interface HeartbeatResponse {
  gatewayId: number
  online: boolean
  lastContactAt: string
}

/** Marks contact of the tenant's gateway in `tx`; announces its status change (if any) after commit. */
export async function ingestHeartbeat(ctx: DomainContext, tx: Database, tenantId: number, input: HeartbeatIngestInput): Promise<IngestOutcome<HeartbeatResponse>> {
  const now = ctx.now()
  const contact = await markContact(tx, await lockGatewayBySerial(tx, tenantId, input.gateway), now)
  return {
    response: { gatewayId: contact.gateway.id, online: true, lastContactAt: now.toISOString() },
    announce: context => announceTransitions(context, contact.transition ? [contact.transition] : []),
  }
}
