// Prometheus metrics of device ingest, whatever protocol it came by, plus the Node runtime's default series
// (process_*, nodejs_*: CPU, memory, event-loop lag, GC), on a registry of their own.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client'

/** How a batch reached Lookout. */
export type IngestSource = 'http' | 'mqtt' | 'modbus' | 'codec8'

/** What became of a batch: stored, refused by validation or the domain (4xx), or failed (database down, bugs). */
export type IngestOutcomeLabel = 'stored' | 'refused' | 'failed'

class IngestMetrics {
  readonly registry = new Registry()
  readonly batches = new Counter({ name: 'lookout_ingest_batches_total', help: 'Ingest batches (requests, messages, polls, packets), by source, kind and outcome', labelNames: ['source', 'kind', 'outcome'] as const, registers: [this.registry] })
  readonly duration = new Histogram({
    name: 'lookout_ingest_duration_seconds', help: 'Time from receiving a batch to its answer (validation, transaction, commit)', labelNames: ['source', 'kind'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [this.registry],
  })

  constructor() {
    // Once per process: this registry is the only one the default series are registered on.
    collectDefaultMetrics({ register: this.registry })
  }
}

let metrics: IngestMetrics | null = null

/** The process's ingest metrics (created, with the runtime's default series, on first use). */
export function ingestMetrics(): IngestMetrics {
  metrics ??= new IngestMetrics()
  return metrics
}

/** Counts one batch of `kind` (telemetry, readings, positions …) from `source` and how long it took to answer. */
export function recordIngest(source: IngestSource, kind: string, outcome: IngestOutcomeLabel, seconds: number): void {
  const { batches, duration } = ingestMetrics()
  batches.inc({ source, kind, outcome })
  if (outcome !== 'failed') duration.observe({ source, kind }, seconds)
}
