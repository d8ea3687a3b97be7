// Delivery to this node's sockets: the engine's side of the broker seam (named deliveries, one fan-out).
import { performance } from 'node:perf_hooks'
import type { BrokerEventHandler, LocalNode, Publication } from './broker'
import type { Channel } from './channel'
import type { SocketBinding } from './connection'
import { serverFrame } from './frames'
import type { EngineMetrics } from './metrics'
import { ErrorCode } from './protocol-errors'
import { withRecoveryMeta } from './recovery-meta'
import type { SharedFrame } from './transport'

export interface FanoutContext {
  metrics: EngineMetrics
  maxBufferedBytes: number
}

/** What other nodes may ask of this node's sockets besides deliveries: the engine's rules say which sockets. */
export interface LocalControl {
  /** Closes this node's sockets of a user. */
  terminate: (userId: string) => void
  /** Closes this node's sockets bound through a credential. */
  revoke: (credential: string) => void
  /** Binds a socket if this node holds it; one whose user or credential was revoked since is closed instead. */
  bind: (socketId: string, binding: SocketBinding, issuedAt: number) => void
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
    const { event, data, position } = publication
    const extra = publication.userId === undefined ? undefined : { user_id: publication.userId }
    const withOffsets = position && position.shape !== 'other'
      ? () => Buffer.from(serverFrame(event, withRecoveryMeta(data, position.shape, position.offset, position.sentAt), publication.channel))
      : undefined
    deliver(this.ctx, channel, Buffer.from(serverFrame(event, data, publication.channel, extra)), publication.except, withOffsets)
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

  handleRevoke(credential: string): void {
    this.control.revoke(credential)
  }

  handleBind(socketId: string, binding: SocketBinding, issuedAt: number): void {
    this.control.bind(socketId, binding, issuedAt)
  }

  handleResync(): void {
    for (const connection of this.node.connections.values()) connection.close(ErrorCode.Reconnect, 'Cluster resynchronised: reconnect to catch up')
  }
}

/**
 * Writes one ready frame to every subscriber of a channel except `exceptSocketId`. Sockets that asked
 * for offsets get `withOffsets()` instead when given: built once, on the first such socket.
 */
export function deliver(ctx: FanoutContext, channel: Channel, frame: Buffer, exceptSocketId?: string, withOffsets?: () => Buffer): number {
  const started = performance.now()
  const plain: SharedFrame = { data: frame }
  let recovery: SharedFrame | undefined
  const maxBuffered = ctx.maxBufferedBytes
  let delivered = 0
  let bytes = 0
  for (const connection of channel.subscribers) {
    if (connection.socketId === exceptSocketId) continue
    const shared = withOffsets && connection.wantsRecovery ? (recovery ??= { data: withOffsets() }) : plain
    // A socket cut off here (4100) is counted by the connection's own send limit.
    if (connection.sendShared(shared, maxBuffered)) {
      delivered += 1
      bytes += shared.data.length
    }
  }
  if (delivered > 0) {
    ctx.metrics.messagesOut.inc(delivered)
    ctx.metrics.bytesOut.inc(bytes)
  }
  ctx.metrics.fanoutSeconds.observe((performance.now() - started) / 1000)
  return delivered
}
