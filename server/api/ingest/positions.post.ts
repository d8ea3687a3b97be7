// Device ingest of vehicle positions: one, or a batch of up to 1000 (Bearer token with the 'ingest' ability).
import { ingestPositions } from '../../domain/vehicles/ingest-positions'
import { positionsIngestSchema } from '../../domain/vehicles/position-schema'

export default defineIngestHandler(positionsIngestSchema, ingestPositions)
