// Fan-out: one serialisation per channel, the same frame written to every subscriber.
import { performance } from 'node:perf_hooks'
import type { AppState } from './app-state'
import type { Channel } from './channel'
import { isCacheChannel } from './channel-name'
import { serverFrame } from './frames'
import type { EngineMetrics } from './metrics'
import { payloadShape, withRecoveryMeta } from './recovery-meta'
import type { SharedFrame } from './transport'

export interface PublishRequest {
  channels: string[]
  event: string
  /** A string is sent as given (HTTP API); anything else is JSON-encoded once. */
  data: unknown
  /** The publisher's own socket, which does not receive the event (Pusher's `socket_id`). */
  exceptSocketId?: string
  source: 'api' | 'domain'
}

export interface FanoutContext {
  metrics: EngineMetrics
  maxBufferedBytes: number
}

/**
 * Publishes an event: records it in each channel's history, then delivers it on this node; in a
 * cluster, Redis numbers and stores it and every node delivers it from the bus.
 */
export function publish(ctx: FanoutContext, state: AppState, request: PublishRequest, now: number = Date.now()): void {
  const raw = typeof request.data === 'string' ? request.data : JSON.stringify(request.data ?? null)
  const { shape, payload } = payloadShape(raw)
  ctx.metrics.eventsPublished.inc({ source: request.source }, request.channels.length)
  if (state.cluster) {
    state.cluster.publish({ channels: request.channels, event: request.event, payload, shape, except: request.exceptSocketId ?? '' }, now)
    return
  }
  for (const name of request.channels) {
    const offset = state.history.nextOffset(name)
    const data = withRecoveryMeta(payload, shape, offset, now)
    state.history.append(name, { offset, event: request.event, data, sent_at: now })
    if (isCacheChannel(name)) state.cache.put(name, request.event, data, now)
    const channel = state.channels.find(name)
    if (channel) deliver(ctx, channel, Buffer.from(serverFrame(request.event, data, name)), request.exceptSocketId)
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
