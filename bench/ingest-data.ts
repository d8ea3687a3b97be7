// The ingest scenario's data set: samples of the demo tenant's zoned nodes (3 nodes × 5 metrics = 15 series),
// spread evenly over a span of days ending now, generated alike for the floor and for Lookout.
import { DEMO_THRESHOLDS } from '../server/db/demo-equipment'

/** The first demo tenant's nodes that sit in a zone (seeded by server/db/demo-data.ts). */
export const BENCH_NODES = ['greenfield-node-1', 'greenfield-node-2', 'greenfield-node-3']
/** Metrics the demo zones have thresholds for: values stay inside them, so no alert storm skews the figures. */
export const BENCH_METRICS = Object.keys(DEMO_THRESHOLDS)
export const SERIES = BENCH_NODES.length * BENCH_METRICS.length
/** Samples per request (and per floor INSERT). */
export const SAMPLES_PER_BATCH = 1000

export interface IngestPlan {
  samples: number
  days: number
  /** Time of the newest sample, ms since the epoch. */
  end: number
}

export interface BenchSample {
  node: string
  metric: string
  value: number
  at: string
}

/** Sample `index` of the plan: series round-robin, time advancing once per round of all series. */
export function benchSample(plan: IngestPlan, index: number): BenchSample {
  const rounds = Math.ceil(plan.samples / SERIES)
  const step = (plan.days * 86_400_000) / rounds
  const series = index % SERIES
  const round = Math.floor(index / SERIES)
  const metric = BENCH_METRICS[series % BENCH_METRICS.length]!
  const { min, max } = DEMO_THRESHOLDS[metric]!
  const middle = (min + max) / 2
  const value = Math.round((middle + 0.3 * (max - min) * Math.sin(round / 40 + series)) * 1000) / 1000
  return { node: BENCH_NODES[Math.floor(series / BENCH_METRICS.length)]!, metric, value, at: new Date(plan.end - (rounds - 1 - round) * step).toISOString() }
}

/** The samples of batch `batch` (SAMPLES_PER_BATCH each, the last one shorter). */
export function benchBatch(plan: IngestPlan, batch: number): BenchSample[] {
  const first = batch * SAMPLES_PER_BATCH
  return Array.from({ length: Math.min(SAMPLES_PER_BATCH, plan.samples - first) }, (_, offset) => benchSample(plan, first + offset))
}

export function batchCount(plan: IngestPlan): number {
  return Math.ceil(plan.samples / SAMPLES_PER_BATCH)
}

/** A batch's samples grouped per node, in the ingest body's sample form. */
export function samplesPerNode(samples: BenchSample[]): Map<string, Array<{ metric: string, value: number, at: string }>> {
  const perNode = new Map<string, Array<{ metric: string, value: number, at: string }>>()
  for (const sample of samples) {
    const list = perNode.get(sample.node) ?? perNode.set(sample.node, []).get(sample.node)!
    list.push({ metric: sample.metric, value: sample.value, at: sample.at })
  }
  return perNode
}

/** The telemetry ingest body of a batch: its samples grouped per node in the `items` form. */
export function ingestBody(samples: BenchSample[]): string {
  return JSON.stringify({ items: [...samplesPerNode(samples)].map(([device, list]) => ({ device, samples: list })) })
}
