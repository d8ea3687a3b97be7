// The fleet map's feed: positions gathered per tenant into one `position.batch` per interval, with
// only the newest position of each vehicle, so a browser gets a bounded stream however fast devices send.
import { channels } from '../../../shared/channels'
import type { PositionPayload } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import { Coalescer } from '../coalescer'
import type { Broadcaster, DomainContext } from '../context'

interface Pending {
  payload: PositionPayload
  broadcaster: Broadcaster
}

// One coalescer per interval: the process has one setting, tests may try others.
const coalescers = new Map<number, Coalescer<Pending>>()

/** Queues a vehicle's position for its tenant's next `position.batch`. */
export function queueFleetPosition(ctx: DomainContext, tenantId: number, payload: PositionPayload): void {
  const interval = ctx.settings.positionBatchMs
  let coalescer = coalescers.get(interval)
  if (!coalescer) {
    coalescer = new Coalescer<Pending>(interval, flushTenant)
    coalescers.set(interval, coalescer)
  }
  coalescer.push(String(tenantId), { payload, broadcaster: ctx.broadcaster })
}

/** Sends every pending `position.batch` now (shutdown, tests). */
export function flushPositionBatches(): void {
  for (const coalescer of coalescers.values()) coalescer.flushAll()
}

/** The newest payload per vehicle (by recordedAt; of equal times the one queued last), in vehicle id order. */
export function newestPerVehicle(payloads: PositionPayload[]): PositionPayload[] {
  const newest = new Map<number, PositionPayload>()
  for (const payload of payloads) {
    const kept = newest.get(payload.vehicleId)
    if (!kept || Date.parse(payload.recordedAt) >= Date.parse(kept.recordedAt)) newest.set(payload.vehicleId, payload)
  }
  return [...newest.values()].sort((a, b) => a.vehicleId - b.vehicleId)
}

function flushTenant(key: string, items: Pending[]): void {
  const positions = newestPerVehicle(items.map(item => item.payload))
  items.at(-1)!.broadcaster.broadcast([channels.tenant(Number(key), 'fleet')], EVENTS.positionBatch, { positions })
}
