// Group commit of Modbus polls: polls of any gateways that finish while the previous batch is being stored (or in
// the same event-loop turn) are recorded together, in one transaction with one statement per step (recordPolls).
// A transaction per poll costs milliseconds of database work for a handful of registers; a batch of a hundred
// costs little more. Each poll's promise settles only once its batch committed, and a poller waits for it before
// its next poll, so a gateway never has two polls in flight; a batch holds at most one poll per gateway anyway.
// The points queued or being stored are bounded (AdmissionGate): past it, pollers wait before recording.
// A batch refused as a whole is recorded poll by poll instead, so one bad poll cannot keep the others out.
import type { DomainContext } from '../../domain/context'
import type { PollReport } from '../../domain/gateways/record-poll'
import { recordPolls } from '../../domain/gateways/record-poll'
import { AdmissionGate } from '../../ingest/admission-gate'

interface Pending {
  report: PollReport
  resolve: (stored: boolean) => void
  reject: (error: unknown) => void
}

export interface PollCommitLimits {
  /** Most data points of polls queued or being stored at once. */
  capacityPoints: number
  /** Most data points recorded in one transaction. */
  maxBatchPoints: number
}

/** 20 000 points: 1 000 gateways of 20 registers queued, a few MB at most. */
export const POLL_COMMIT_LIMITS: PollCommitLimits = { capacityPoints: 20_000, maxBatchPoints: 5_000 }

export class PollGroupCommit {
  private readonly queue: Pending[] = []
  private readonly gate: AdmissionGate
  private flushing = false

  constructor(private readonly domain: () => Promise<DomainContext>, private readonly limits: PollCommitLimits = POLL_COMMIT_LIMITS) {
    this.gate = new AdmissionGate(limits.capacityPoints)
  }

  /** Points queued or being stored, and polls waiting for room (for tests and metrics). */
  get load(): { points: number, waiting: number } {
    return { points: this.gate.inFlight, waiting: this.gate.waiting }
  }

  /** Records one poll with the others around it; resolves once committed with whether it was stored (recordPoll's answer). */
  async record(report: PollReport): Promise<boolean> {
    const weight = Math.max(1, report.points.length)
    await this.gate.enter(weight)
    try {
      return await new Promise<boolean>((resolve, reject) => {
        this.queue.push({ report, resolve, reject })
        this.schedule()
      })
    }
    finally {
      this.gate.leave(weight)
    }
  }

  private schedule(): void {
    if (this.flushing) return
    this.flushing = true
    setImmediate(() => void this.flush())
  }

  private async flush(): Promise<void> {
    const batch = this.takeBatch()
    try {
      const ctx = await this.domain()
      try {
        const stored = await recordPolls(ctx, batch.map(pending => pending.report))
        batch.forEach((pending, index) => pending.resolve(stored[index]!))
      }
      catch (error) {
        if (batch.length === 1) throw error
        for (const pending of batch) await recordPolls(ctx, [pending.report]).then(([stored]) => pending.resolve(stored!), pending.reject)
      }
    }
    catch (error) {
      batch.forEach(pending => pending.reject(error))
    }
    finally {
      this.flushing = false
      if (this.queue.length > 0) this.schedule()
    }
  }

  /** The next polls of the queue, up to maxBatchPoints and before a second poll of one gateway. */
  private takeBatch(): Pending[] {
    const gatewayIds = new Set<number>()
    let points = 0
    let count = 0
    while (count < this.queue.length) {
      const { report } = this.queue[count]!
      if (count > 0 && (gatewayIds.has(report.gatewayId) || points + report.points.length > this.limits.maxBatchPoints)) break
      gatewayIds.add(report.gatewayId)
      points += report.points.length
      count += 1
    }
    return this.queue.splice(0, count)
  }
}
