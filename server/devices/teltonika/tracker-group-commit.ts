// Group commit across trackers (GroupCommit): packets of every connected tracker that arrive together are stored
// in one transaction with one tracker ingest call per tenant. A tracker is acked only after its records are
// stored; resends are still recognised by vehicle and time inside the tenant's call. The records queued or being
// stored are bounded: past it, a connection waits with its socket paused. A batch the domain refuses (a vehicle
// archived meanwhile) is stored packet by packet instead.
import type { DomainContext } from '../../domain/context'
import { DomainError } from '../../domain/errors'
import { ingestTrackerPositions } from '../../domain/vehicles/ingest-tracker-positions'
import type { PositionInput } from '../../domain/vehicles/position-schema'
import type { TrackedVehicle } from '../../domain/vehicles/vehicle-by-imei'
import { GroupCommit } from '../../ingest/group-commit'

type Positions = Array<PositionInput & { at: string }>

interface Packet {
  vehicle: TrackedVehicle
  positions: Positions
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
  private readonly commits: GroupCommit<Packet, void>

  constructor(domain: () => Promise<DomainContext>, limits: GroupCommitLimits = TRACKER_COMMIT_LIMITS) {
    this.commits = new GroupCommit<Packet, void>({
      capacity: limits.capacityRecords,
      maxBatch: limits.maxBatchRecords,
      weight: packet => packet.positions.length,
      commit: async (packets) => {
        await storePackets(await domain(), packets)
        return packets.map(() => undefined)
      },
      retryAlone: error => error instanceof DomainError,
    })
  }

  /** Records queued or being stored, and connections waiting for room (for tests and metrics). */
  get load(): { records: number, waiting: number } {
    return { records: this.commits.load.weight, waiting: this.commits.load.waiting }
  }

  /** Stores one packet's positions with the others around it; resolves once committed, rejects when nothing of it was stored. */
  store(vehicle: TrackedVehicle, positions: Positions): Promise<void> {
    return this.commits.submit({ vehicle, positions })
  }
}

/** Stores `packets` in one transaction, one ingest call per tenant, then announces them. */
async function storePackets(ctx: DomainContext, packets: Packet[]): Promise<void> {
  const byTenant = new Map<number, Positions>()
  for (const { vehicle, positions } of packets) (byTenant.get(vehicle.tenantId) ?? byTenant.set(vehicle.tenantId, []).get(vehicle.tenantId)!).push(...positions)
  const announcements = await ctx.db.transaction(async (tx) => {
    const announce: Array<(ctx: DomainContext) => void> = []
    // Tenants in id order, so two instances storing batches at once lock vehicle rows in the same order.
    for (const tenantId of [...byTenant.keys()].sort((a, b) => a - b)) announce.push((await ingestTrackerPositions(ctx, tx, tenantId, { positions: byTenant.get(tenantId)! })).announce)
    return announce
  })
  for (const announce of announcements) announce(ctx)
}
