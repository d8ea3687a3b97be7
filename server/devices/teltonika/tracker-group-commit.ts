// Group commit across trackers: packets of every connected tracker that arrive while the previous batch is
// being stored (or in the same event-loop turn) are stored together, in one transaction with one tracker
// ingest call per tenant. A transaction per packet costs milliseconds of database work; a batch of hundreds
// costs little more. Each packet's promise settles only once its batch committed, so a tracker is acked only
// after its records are stored; resends are still recognised by vehicle and time inside the tenant's call.
// The records queued or being stored are bounded (AdmissionGate): past it, a connection waits with its
// socket paused. A batch the domain refuses (a vehicle archived meanwhile) is stored packet by packet instead.
import type { DomainContext } from '../../domain/context'
import { DomainError } from '../../domain/errors'
import { ingestTrackerPositions } from '../../domain/vehicles/ingest-tracker-positions'
import type { PositionInput } from '../../domain/vehicles/position-schema'
import type { TrackedVehicle } from '../../domain/vehicles/vehicle-by-imei'
import { AdmissionGate } from '../../ingest/admission-gate'

type Positions = Array<PositionInput & { at: string }>

interface Pending {
  vehicle: TrackedVehicle
  positions: Positions
  resolve: () => void
  reject: (error: unknown) => void
}

export interface GroupCommitLimits {
  /** Most records queued or being stored at once. */
  capacityRecords: number
  /** Most records stored in one transaction. */
  maxBatchRecords: number
}

/** 50 000 records of about 1 kB decoded: tens of MB at most, ten seconds of 5 000 trackers at 1 record/s. */
export const TRACKER_COMMIT_LIMITS: GroupCommitLimits = { capacityRecords: 50_000, maxBatchRecords: 2_000 }

export class TrackerGroupCommit {
  private readonly queue: Pending[] = []
  private readonly gate: AdmissionGate
  private flushing = false

  constructor(private readonly domain: () => Promise<DomainContext>, private readonly limits: GroupCommitLimits = TRACKER_COMMIT_LIMITS) {
    this.gate = new AdmissionGate(limits.capacityRecords)
  }

  /** Records queued or being stored, and connections waiting for room (for tests and metrics). */
  get load(): { records: number, waiting: number } {
    return { records: this.gate.inFlight, waiting: this.gate.waiting }
  }

  /** Stores one packet's positions with the others around it; resolves once committed, rejects when nothing of it was stored. */
  async store(vehicle: TrackedVehicle, positions: Positions): Promise<void> {
    await this.gate.enter(positions.length)
    try {
      await new Promise<void>((resolve, reject) => {
        this.queue.push({ vehicle, positions, resolve, reject })
        this.schedule()
      })
    }
    finally {
      this.gate.leave(positions.length)
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
      await this.commit(batch)
      batch.forEach(pending => pending.resolve())
    }
    catch (error) {
      if (!(error instanceof DomainError) || batch.length === 1) batch.forEach(pending => pending.reject(error))
      else for (const pending of batch) await this.commit([pending]).then(pending.resolve, pending.reject)
    }
    finally {
      this.flushing = false
      if (this.queue.length > 0) this.schedule()
    }
  }

  private takeBatch(): Pending[] {
    let records = 0
    let count = 0
    while (count < this.queue.length && (count === 0 || records + this.queue[count]!.positions.length <= this.limits.maxBatchRecords)) {
      records += this.queue[count]!.positions.length
      count += 1
    }
    return this.queue.splice(0, count)
  }

  private async commit(batch: Pending[]): Promise<void> {
    const ctx = await this.domain()
    const byTenant = new Map<number, Positions>()
    for (const { vehicle, positions } of batch) (byTenant.get(vehicle.tenantId) ?? byTenant.set(vehicle.tenantId, []).get(vehicle.tenantId)!).push(...positions)
    const announcements = await ctx.db.transaction(async (tx) => {
      const announce: Array<(ctx: DomainContext) => void> = []
      // Tenants in id order, so two instances storing batches at once lock vehicle rows in the same order.
      for (const tenantId of [...byTenant.keys()].sort((a, b) => a - b)) announce.push((await ingestTrackerPositions(ctx, tx, tenantId, { positions: byTenant.get(tenantId)! })).announce)
      return announce
    })
    for (const announce of announcements) announce(ctx)
  }
}
