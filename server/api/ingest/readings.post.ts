// Readings of one gateway's registers (ingest token); see server/domain/gateways/ingest-readings.ts.
import { ingestReadings } from '../../domain/gateways/ingest-readings'
import { readingsIngestSchema } from '../../domain/gateways/readings-schema'

export default defineIngestHandler(readingsIngestSchema, ingestReadings)
