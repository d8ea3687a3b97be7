// Device telemetry: `{ device, samples }` or `{ items: [...] }`, at most 1000 samples, with a token holding 'ingest'.
import { ingestTelemetry } from '../../domain/zones/telemetry-ingest'
import { canonicalTelemetry } from '../../domain/zones/telemetry-canonical'
import { telemetryInput } from '../../domain/zones/telemetry-schema'

export default defineIngestHandler(telemetryInput, ingestTelemetry, canonicalTelemetry)
