// Device telemetry: `{ device, samples }` or `{ items: [...] }`, at most 1000 samples, with a token holding 'ingest'.
import { ingestTelemetry } from '../../domain/zones/telemetry-ingest'
import { telemetryInput } from '../../domain/zones/telemetry-schema'

export default defineIngestHandler(telemetryInput, ingestTelemetry)
