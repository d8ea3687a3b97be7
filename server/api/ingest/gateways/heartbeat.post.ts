// A gateway's heartbeat (ingest token): marks contact only; see server/domain/gateways/ingest-heartbeat.ts.
import { ingestHeartbeat } from '../../../domain/gateways/ingest-heartbeat'
import { heartbeatIngestSchema } from '../../../domain/gateways/readings-schema'

export default defineIngestHandler(heartbeatIngestSchema, ingestHeartbeat)
