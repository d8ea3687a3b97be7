// This node's copy of every channel's newest offset in the cluster, so subscribing stays synchronous.
// It follows the bus (each event carries its offset) and is seeded from Redis on every (re)connect.

export class ClusterPositions {
  private readonly offsets = new Map<string, number>()
  epoch = ''

  /** Takes a new epoch (a Redis that lost its data starts offsets again), forgetting the old offsets. */
  useEpoch(epoch: string): boolean {
    if (epoch === this.epoch) return false
    this.epoch = epoch
    this.offsets.clear()
    return true
  }

  /** Records an offset seen on the bus or read from Redis; offsets only grow. */
  observe(channel: string, offset: number): void {
    if (offset > (this.offsets.get(channel) ?? 0)) this.offsets.set(channel, offset)
  }

  /** Epoch and newest offset of a channel, as told to a new subscriber. */
  position(channel: string): { epoch: string, offset: number } {
    return { epoch: this.epoch, offset: this.offsets.get(channel) ?? 0 }
  }
}
