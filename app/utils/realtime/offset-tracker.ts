// Where each channel's stream stands (epoch and newest applied offset), so no event is applied twice.
import type { EventRecoveryMeta, SubscriptionRecoveryMeta } from '#shared/realtime-protocol'
import { RECOVERY_KEY } from '#shared/realtime-protocol'

export interface StreamPosition {
  epoch: string
  offset: number
}

export class OffsetTracker {
  private readonly positions = new Map<string, StreamPosition>()

  position(channel: string): StreamPosition | undefined {
    return this.positions.get(channel)
  }

  /** Sets where a channel stands (after a subscription or a snapshot reload). */
  reset(channel: string, position: StreamPosition): void {
    this.positions.set(channel, { ...position })
  }

  /** True when an event with `offset` is new for the channel (and records it); false for a duplicate. */
  accept(channel: string, offset: number): boolean {
    const position = this.positions.get(channel)
    if (!position) return true
    if (offset <= position.offset) return false
    position.offset = offset
    return true
  }

  forget(channel: string): void {
    this.positions.delete(channel)
  }
}

/** The recovery metadata the server put into an event payload, if any. */
export function eventMeta(data: unknown): EventRecoveryMeta | undefined {
  const meta = (data as Record<string, unknown> | null)?.[RECOVERY_KEY] as EventRecoveryMeta | undefined
  return typeof meta?.offset === 'number' ? meta : undefined
}

/** The recovery metadata of a subscription confirmation, if any. */
export function subscriptionMeta(data: unknown): SubscriptionRecoveryMeta | undefined {
  const meta = (data as Record<string, unknown> | null)?.[RECOVERY_KEY] as SubscriptionRecoveryMeta | undefined
  return typeof meta?.epoch === 'string' && typeof meta.offset === 'number' ? meta : undefined
}
