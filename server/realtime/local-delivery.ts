// Delivery to this node's sockets: the engine's side of the broker seam (named deliveries, one fan-out).
import { performance } from 'node:perf_hooks'
import type { BrokerEventHandler, LocalNode, Publication } from './broker'
import type { Channel } from './channel'
import { serverFrame } from './frames'
import type { EngineMetrics } from './metrics'
import { ErrorCode } from './protocol-errors'
import type { SharedFrame } from './transport'

export interface FanoutContext {
  metrics: EngineMetrics
  maxBufferedBytes: number
}

/** What other nodes may ask of this node's sockets besides deliveries: the engine's rules say which sockets. */
export interface LocalControl {
  /** Closes this node's sockets of a user. */
  terminate: (userId: string) => void
}

/** What a broker asks of this node's sockets, each as one serialised frame written to every subscriber. */
export class LocalDelivery implements BrokerEventHandler {
  constructor(
    private readonly node: LocalNode,
    private readonly ctx: FanoutContext,
    private readonly control: LocalControl,
  ) {}

  handlePublication(publication: Publication): void {
    const channel = this.node.channels.find(publication.channel)
    if (!channel) return
    const extra = publication.userId === undefined ? undefined : { user_id: publication.userId }
    deliver(this.ctx, channel, Buffer.from(serverFrame(publication.event, publication.data, publication.channel, extra)), publication.except)
  }

  handleJoin(name: string, userId: string, info: unknown, except?: string): void {
    const channel = this.node.channels.find(name)
    if (channel) deliver(this.ctx, channel, Buffer.from(serverFrame('pusher_internal:member_added', { user_id: userId, user_info: info }, name)), except)
  }

  handleLeave(name: string, userId: string): void {
    const channel = this.node.channels.find(name)
    if (channel) deliver(this.ctx, channel, Buffer.from(serverFrame('pusher_internal:member_removed', { user_id: userId }, name)))
  }

  handleTerminate(userId: string): void {
    this.control.terminate(userId)
  }

  handleResync(): void {
    for (const connection of this.node.connections.values()) connection.close(ErrorCode.Reconnect, 'Cluster resynchronised: reconnect to catch up')
  }
}

/** Writes one ready frame to every subscriber of a channel except `exceptSocketId`. */
export function deliver(ctx: FanoutContext, channel: Channel, frame: Buffer, exceptSocketId?: string): number {
  const started = performance.now()
  const shared: SharedFrame = { data: frame }
  const maxBuffered = ctx.maxBufferedBytes
  let delivered = 0
  for (const connection of channel.subscribers) {
    if (connection.socketId === exceptSocketId) continue
    // A socket cut off here (4100) is counted by the connection's own send limit.
    if (connection.sendShared(shared, maxBuffered)) delivered += 1
  }
  if (delivered > 0) {
    ctx.metrics.messagesOut.inc(delivered)
    ctx.metrics.bytesOut.inc(delivered * frame.length)
  }
  ctx.metrics.fanoutSeconds.observe((performance.now() - started) / 1000)
  return delivered
}
