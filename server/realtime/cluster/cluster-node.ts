// One app's share of a Redis-backed cluster: publishes through Redis, delivers what the bus brings to
// this node's sockets, mirrors offsets and presence, and serves its own sockets alone while Redis is away.
import { randomBytes } from 'node:crypto'
import type { EngineLimits } from '../app-config'
import type { AppState } from '../app-state'
import { isCacheChannel } from '../channel-name'
import type { SocketBinding } from '../connection'
import { serverFrame } from '../frames'
import type { FanoutContext } from '../publisher'
import { deliver } from '../publisher'
import { ClusterPositions } from './cluster-positions'
import { clusterKeys } from './keys'
import type { BusMessage } from './messages'
import { bindMessage, clientEventMessage, decodeBusMessage, revokeMessage, terminateMessage } from './messages'
import { parseInfo, PresenceMirror } from './presence-mirror'
import { RedisLink } from './redis-link'

/** A node missing heartbeats this long is dead: its sockets' presence and subscriptions are removed. */
export const NODE_STALE_MS = 10_000
const HEARTBEAT_MS = 2000
/** Events published while Redis is away, kept to hand to the other nodes when it is back. */
const MAX_QUEUED = 10_000

export interface ClusterHooks {
  /** Closes this node's sockets of a user (a terminate from any node). */
  terminateLocal: (userId: string) => void
  /** Closes this node's sockets bound through a credential (a revocation from any node). */
  revokeLocal: (credential: string) => void
  /** Binds a socket if this node holds it (a binding signed on any node). */
  bindLocal: (socketId: string, binding: SocketBinding, issuedAt: number) => void
  /** Asks this node's sockets to reconnect, so they catch up with what they missed from other nodes. */
  reconnectLocal: () => void
}

export interface QueuedEvent {
  channels: string[]
  event: string
  payload: string
  shape: string
  except: string
}

export class ClusterNode {
  readonly node = randomBytes(6).toString('hex')
  readonly keys
  readonly positions = new ClusterPositions()
  readonly presence = new PresenceMirror()
  /** True while Redis is reachable and this node's state there is in sync. */
  healthy = false
  /** Live nodes and their connections, from the last heartbeat. */
  totals = { nodes: 1, connections: 0, at: 0 }
  readonly link: RedisLink
  private queued: QueuedEvent[] = []
  private timer: NodeJS.Timeout | null = null
  private everHealthy = false

  constructor(url: string, private readonly state: AppState, private readonly ctx: FanoutContext, private readonly limits: EngineLimits, private readonly hooks: ClusterHooks) {
    this.keys = clusterKeys(state.app.id)
    this.link = new RedisLink(url, this.keys.bus, {
      onMessage: raw => this.receive(raw),
      onUp: () => { void this.resync() },
      onDown: (reason) => {
        // Operators learn from the log, not only from /api/health, that this node stopped sharing.
        console.warn(`[lookout] cluster: ${reason}; node ${this.node} serves its own sockets alone until Redis is back`)
        this.degrade()
      },
    })
    this.timer = setInterval(() => { void this.heartbeat() }, HEARTBEAT_MS)
    this.timer.unref()
  }

  /** Publishes through Redis (offsets assigned there); while Redis is away, delivers here and queues. */
  publish(event: QueuedEvent, now: number): void {
    if (this.healthy) {
      this.send(event, now, false).catch(() => this.publishAlone(event))
      return
    }
    this.publishAlone(event)
  }

  /** A socket of this node joined a presence channel. */
  joined(channel: string, userId: string, info: unknown, socketId: string): void {
    if (this.healthy) void this.link.commands.lookoutPresenceJoin(3, this.keys.presenceSockets(channel), this.keys.presenceInfo(channel), this.keys.nodeState(this.node), this.keys.bus, channel, userId, JSON.stringify(info ?? null), socketId).catch(() => {})
  }

  /** A socket of this node left a presence channel. */
  left(channel: string, userId: string): void {
    if (this.healthy) void this.link.commands.lookoutPresenceLeave(3, this.keys.presenceSockets(channel), this.keys.presenceInfo(channel), this.keys.nodeState(this.node), this.keys.bus, channel, userId).catch(() => {})
  }

  /** Counts a subscription made (+1) or ended (-1) on this node. */
  subscribed(channel: string, delta: 1 | -1): void {
    if (this.healthy) void this.link.commands.lookoutSubscriptions(2, this.keys.subscriptions, this.keys.nodeState(this.node), channel, delta).catch(() => {})
  }

  /** A client event: through the bus to every node's subscribers (this node's too); alone while Redis is away. */
  clientEvent(channel: string, event: string, payload: string, except: string, userId: string | undefined): void {
    const alone = () => this.deliverClientEvent(channel, event, payload, except, userId ?? null)
    if (!this.healthy) return alone()
    void this.link.commands.publish(this.keys.bus, clientEventMessage(channel, event, payload, except, userId)).catch(alone)
  }

  /** Closes a user's sockets on every node. */
  terminate(userId: string): void {
    if (this.healthy) void this.link.commands.publish(this.keys.bus, terminateMessage(userId)).catch(() => {})
  }

  /** Closes the sockets bound through a credential on every node. */
  revoke(credential: string): void {
    if (this.healthy) void this.link.commands.publish(this.keys.bus, revokeMessage(credential)).catch(() => {})
  }

  /** Binds a socket held by another node to the user and credential signed for it. */
  bind(socketId: string, binding: SocketBinding, issuedAt: number): void {
    if (this.healthy) void this.link.commands.publish(this.keys.bus, bindMessage(socketId, binding, issuedAt)).catch(() => {})
  }

  /** Connections over the cluster: the other nodes' last heartbeat, plus this node now. */
  clusterConnections(): number {
    return this.totals.connections + this.state.connections.size
  }

  /** Stops heartbeats and leaves the cluster (this node's presence and subscriptions go with it). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    if (this.healthy) {
      await this.setNodeState({ fields: {}, info: {} }, false).catch(() => {})
      await this.link.commands.hdel(this.keys.nodes, this.node).catch(() => {})
    }
    this.healthy = false
    await this.link.close()
  }

  private async send(event: QueuedEvent, now: number, republished: boolean): Promise<void> {
    const streams = event.channels.map(channel => this.keys.history(channel))
    await this.link.commands.lookoutPublish(1 + streams.length, this.keys.offsets, ...streams, this.keys.bus, event.event, event.payload, event.shape, now, event.except, this.node, this.limits.historySize, republished ? '1' : '', this.limits.historySeconds * 2000, ...event.channels)
  }

  private publishAlone(event: QueuedEvent): void {
    for (const name of event.channels) {
      const channel = this.state.channels.find(name)
      if (isCacheChannel(name)) this.state.cache.put(name, event.event, event.payload)
      if (channel) deliver(this.ctx, channel, Buffer.from(serverFrame(event.event, event.payload, name)), event.except || undefined)
    }
    this.queued.push(event)
    if (this.queued.length > MAX_QUEUED) this.queued.shift()
  }

  private receive(raw: string): void {
    const message = decodeBusMessage(raw)
    if (message) this.apply(message)
  }

  private apply(message: BusMessage): void {
    if (message.type === 'terminate') return this.hooks.terminateLocal(message.userId)
    if (message.type === 'revoke') return this.hooks.revokeLocal(message.credential)
    if (message.type === 'bind') return this.hooks.bindLocal(message.socketId, message.binding, message.issuedAt)
    if (message.type === 'client') return this.deliverClientEvent(message.channel, message.event, message.data, message.except, message.userId)
    const channel = this.state.channels.find(message.channel)
    if (message.type === 'event') {
      this.positions.observe(message.channel, message.offset)
      if (isCacheChannel(message.channel)) this.state.cache.put(message.channel, message.event, message.data, message.sentAt)
      if (message.republished && message.node === this.node) return
      if (channel) deliver(this.ctx, channel, Buffer.from(serverFrame(message.event, message.data, message.channel)), message.except ?? undefined)
      return
    }
    if (message.type === 'member_added') {
      const info = parseInfo(message.info)
      this.presence.add(message.channel, message.userId, info)
      if (channel) deliver(this.ctx, channel, Buffer.from(serverFrame('pusher_internal:member_added', { user_id: message.userId, user_info: info }, message.channel)), message.except ?? undefined)
      return
    }
    this.presence.remove(message.channel, message.userId)
    if (channel) deliver(this.ctx, channel, Buffer.from(serverFrame('pusher_internal:member_removed', { user_id: message.userId }, message.channel)))
  }

  private deliverClientEvent(name: string, event: string, payload: string, except: string | null, userId: string | null): void {
    const channel = this.state.channels.find(name)
    if (channel) deliver(this.ctx, channel, Buffer.from(serverFrame(event, payload, name, userId === null ? undefined : { user_id: userId })), except ?? undefined)
  }

  /** Brings Redis and this node back in line: epoch, offsets, presence, this node's share, queued events. */
  private async resync(): Promise<void> {
    try {
      const redis = this.link.commands
      await redis.set(this.keys.epoch, randomBytes(8).toString('hex'), 'NX')
      this.positions.useEpoch((await redis.get(this.keys.epoch))!)
      for (const [channel, offset] of Object.entries(await redis.hgetall(this.keys.offsets))) this.positions.observe(channel, Number(offset))
      await this.loadPresence()
      // Heartbeat first: a node back from a long outage still looks dead until then, and another
      // node's cleanup would otherwise wipe the share it is about to write.
      await this.heartbeat()
      await this.setNodeState(this.localState(), false)
      // Events published alone while Redis was away go to the other nodes now (this node's sockets had them).
      while (this.queued.length > 0) {
        const queued = this.queued
        this.queued = []
        for (const event of queued) await this.send(event, Date.now(), true)
      }
      this.healthy = true
      if (this.everHealthy) {
        console.log(`[lookout] cluster: Redis is back; node ${this.node} resynchronised and asks its ${this.state.connections.size} clients to reconnect`)
        this.hooks.reconnectLocal()
      }
      this.everHealthy = true
    }
    catch {
      // Redis went away again mid-way: the next 'ready' starts over.
      this.degrade()
    }
  }

  private degrade(): void {
    this.healthy = false
  }

  private async loadPresence(): Promise<void> {
    const redis = this.link.commands
    const pattern = `${this.keys.base}presence:*:info`
    let cursor = '0'
    const channels = new Set(this.presence.known())
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500)
      cursor = next
      for (const key of keys) channels.add(key.slice(`${this.keys.base}presence:`.length, -':info'.length))
    } while (cursor !== '0')
    for (const channel of channels) this.presence.load(channel, await redis.hgetall(this.keys.presenceInfo(channel)))
  }

  /** This node's subscriptions per channel and presence sockets per channel and user. */
  private localState(): { fields: Record<string, number>, info: Record<string, string> } {
    const fields: Record<string, number> = {}
    const info: Record<string, string> = {}
    for (const channel of this.state.channels.all()) {
      fields[channel.name] = channel.subscribers.size
      for (const connection of channel.subscribers) {
        const userId = connection.presenceUserIds.get(channel.name)
        if (userId === undefined) continue
        const field = `${channel.name}\n${userId}`
        fields[field] = (fields[field] ?? 0) + 1
        info[field] = JSON.stringify(channel.presence?.snapshot().hash[userId] ?? null)
      }
    }
    return { fields, info }
  }

  private async setNodeState(target: { fields: Record<string, number>, info: Record<string, string> }, cleanup: boolean, node = this.node): Promise<unknown> {
    return this.link.commands.lookoutNodeState(3, this.keys.nodeState(node), this.keys.subscriptions, this.keys.nodes, this.keys.bus, this.keys.base, node, JSON.stringify(target), cleanup ? '1' : '', NODE_STALE_MS)
  }

  /** Says this node is alive, learns the others' connections, and removes dead nodes' state. */
  private async heartbeat(): Promise<void> {
    if (!this.link.up) return
    try {
      const [now, flat] = await this.link.commands.lookoutHeartbeat(1, this.keys.nodes, this.node, this.state.connections.size) as [number, string[]]
      let nodes = 0
      let connections = 0
      for (let i = 0; i < flat.length; i += 2) {
        const node = flat[i]!
        const entry = JSON.parse(flat[i + 1]!) as { at: number, connections: number }
        if (now - entry.at >= NODE_STALE_MS) {
          await this.setNodeState({ fields: {}, info: {} }, true, node)
          continue
        }
        nodes += 1
        if (node !== this.node) connections += entry.connections
      }
      this.totals = { nodes, connections, at: now }
    }
    catch {
      // A failed heartbeat is followed by the link's own down/up events.
    }
  }
}
