// Prometheus metrics of the database: how long statements take, by kind of statement (never the SQL), on a
// registry of their own.
import { Histogram, Registry } from 'prom-client'
import type { QueryOperation } from '../db/query-timing'

class DatabaseMetrics {
  readonly registry = new Registry()
  readonly duration = new Histogram({
    name: 'lookout_db_query_duration_seconds', help: 'Time from sending a statement to the database to its result (waiting for a connection included), by operation',
    labelNames: ['operation'] as const, buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [this.registry],
  })

  /** One child per operation, made once: observing through it skips hashing the labels on every statement. */
  private readonly children = new Map<QueryOperation, { observe: (seconds: number) => void }>()

  observe(operation: QueryOperation, seconds: number): void {
    let child = this.children.get(operation)
    if (!child) this.children.set(operation, child = this.duration.labels({ operation }))
    child.observe(seconds)
  }
}

let metrics: DatabaseMetrics | null = null

/** The process's database metrics (created on first use). */
export function databaseMetrics(): DatabaseMetrics {
  metrics ??= new DatabaseMetrics()
  return metrics
}

/** Records one statement of kind `operation` that took `seconds` (the database connection's query observer). */
export function recordDatabaseQuery(operation: QueryOperation, seconds: number): void {
  databaseMetrics().observe(operation, seconds)
}
