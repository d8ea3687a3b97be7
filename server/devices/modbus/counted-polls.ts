// Modbus polls in the ingest metrics (source `modbus`, kind `readings`), counted like the other protocols' batches.
import { DomainError } from '../../domain/errors'
import type { PollReport } from '../../domain/gateways/record-poll'
import { recordIngest } from '../../observability/ingest-metrics'

type RecordPoll = (report: PollReport) => Promise<boolean>

/**
 * `record` with each poll counted and timed from the end of its read to its commit: stored, refused (not stored:
 * its gateway was deleted or repointed meanwhile, or the domain refused it) or failed (the database, a bug).
 */
export function countedPolls(record: RecordPoll): RecordPoll {
  return async (report) => {
    const started = performance.now()
    const seconds = () => (performance.now() - started) / 1000
    try {
      const stored = await record(report)
      recordIngest('modbus', 'readings', stored ? 'stored' : 'refused', seconds())
      return stored
    }
    catch (error) {
      recordIngest('modbus', 'readings', error instanceof DomainError ? 'refused' : 'failed', seconds())
      throw error
    }
  }
}
