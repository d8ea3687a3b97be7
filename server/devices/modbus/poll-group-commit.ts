// Group commit of Modbus polls (GroupCommit): polls of any gateways that finish together are recorded in one
// transaction with one statement per step (recordPolls). A poller waits for its poll's promise before its next
// poll, so a gateway never has two polls in flight; a batch holds at most one poll per gateway anyway.
// The points queued or being stored are bounded: past it, pollers wait before recording. A batch refused as a
// whole is recorded poll by poll instead, so one bad poll cannot keep the others out.
import type { DomainContext } from '../../domain/context'
import type { PollReport } from '../../domain/gateways/record-poll'
import { recordPolls } from '../../domain/gateways/record-poll'
import { GroupCommit } from '../../ingest/group-commit'

export interface PollCommitLimits {
  /** Most data points of polls queued or being stored at once. */
  capacityPoints: number
  /** Most data points recorded in one transaction. */
  maxBatchPoints: number
}

/** 20 000 points: 1 000 gateways of 20 registers queued, a few MB at most. */
export const POLL_COMMIT_LIMITS: PollCommitLimits = { capacityPoints: 20_000, maxBatchPoints: 5_000 }

export class PollGroupCommit {
  private readonly commits: GroupCommit<PollReport, boolean>

  constructor(domain: () => Promise<DomainContext>, limits: PollCommitLimits = POLL_COMMIT_LIMITS) {
    this.commits = new GroupCommit({
      capacity: limits.capacityPoints,
      maxBatch: limits.maxBatchPoints,
      weight: report => Math.max(1, report.points.length),
      key: report => report.gatewayId,
      commit: async reports => recordPolls(await domain(), reports),
      retryAlone: () => true,
    })
  }

  /** Points queued or being stored, and polls waiting for room (for tests and metrics). */
  get load(): { points: number, waiting: number } {
    return { points: this.commits.load.weight, waiting: this.commits.load.waiting }
  }

  /** Records one poll with the others around it; resolves once committed with whether it was stored (recordPoll's answer). */
  record(report: PollReport): Promise<boolean> {
    return this.commits.submit(report)
  }
}
