// The broker of a Redis-backed cluster (REDIS_URL), one per app: publishes through Redis, hands what the
// bus brings to the engine's handler, mirrors offsets and presence, and reports the cluster changes its
// own calls decide. While Redis is away it delegates to a LocalBroker: this node's sockets are served alone.
import { randomBytes } from 'node:crypto'
import type { HistoryPage } from '../../../shared/realtime-protocol'
import type { EngineLimits } from '../app-config'
import type { Broker, BrokerEvent, BrokerEventHandler, ClusterChange, ClusterChangeListener, ClusterStatus, LocalNode, Occupancy, PresenceSnapshot } from '../broker'
import { ClusterChanges } from '../cluster-changes'
import type { SocketBinding } from '../connection'
import { LocalBroker } from '../local-broker'
import { ClusterPositions } from './cluster-positions'
import { clusterHistory, clusterMembers, clusterSubscriptionCounts } from './cluster-queries'
import { clusterKeys } from './keys'
import type { BusMessage } from './messages'
import { bindMessage, clientEventMessage, decodeBusMessage, revokeMessage, settledMessage, terminateMessage } from './messages'
import type { NodeShare } from './node-share'
import { EMPTY_SHARE, localShare } from './node-share'
import { parseInfo, PresenceMirror } from './presence-mirror'
import { RedisLink } from './redis-link'
import { joinChange, leaveChange, nodeStateChanges, subscriptionChange } from './script-replies'
import { SettleBarrier } from './settle-barrier'

/** A node missing heartbeats this long is dead: its sockets' presence and subscriptions are removed. */
const NODE_STALE_MS = 10_000
const HEARTBEAT_MS = 2000
/** Events published while Redis is away, kept to hand to the other nodes when it is back. */
const MAX_QUEUED = 10_000

export class RedisBroker implements Broker {
  readonly node = randomBytes(6).toString('hex')
  private readonly keys
  private readonly positions = new ClusterPositions()
  private readonly presence = new PresenceMirror()
  private readonly changes = new ClusterChanges()
  private readonly local: LocalBroker
  private readonly link: RedisLink
  /** True while Redis is reachable and this node's state there is in sync. */
  private healthy = false
  /** Live nodes and their connections, from the last heartbeat. */
  private totals = { nodes: 1, connections: 0, at: 0 }
  private queued: BrokerEvent[] = []
  private timer: NodeJS.Timeout | null = null
  private everHealthy = false
  private readonly barriers = new SettleBarrier()

  constructor(url: string, appId: string, private readonly here: LocalNode, private readonly handler: BrokerEventHandler, private readonly limits: EngineLimits) {
    this.keys = clusterKeys(appId)
    this.local = new LocalBroker(here, handler, limits)
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

  async publish(event: BrokerEvent, now: number): Promise<void> {
    if (!this.healthy) return this.publishAlone(event, now)
    await this.send(event, now, false).catch(() => this.publishAlone(event, now))
  }

  clientEvent(channel: string, event: string, payload: string, except: string, userId: string | undefined): void {
    const alone = () => this.local.clientEvent(channel, event, payload, except, userId)
    if (!this.healthy) return alone()
    void this.link.commands.publish(this.keys.bus, clientEventMessage(channel, event, payload, except, userId)).catch(alone)
  }

  subscribed(channel: string, delta: 1 | -1): void {
    if (!this.healthy) return this.local.subscribed(channel, delta)
    void this.link.commands.lookoutSubscriptions(2, this.keys.subscriptions, this.keys.nodeState(this.node), channel, delta)
      .then(count => this.report(subscriptionChange(channel, delta, count)), () => {})
  }

  joined(channel: string, userId: string, info: unknown, socketId: string, firstHere: boolean): void {
    // Healthy, the join is announced from Redis, once for the whole cluster.
    if (!this.healthy) return this.local.joined(channel, userId, info, socketId, firstHere)
    void this.link.commands.lookoutPresenceJoin(3, this.keys.presenceSockets(channel), this.keys.presenceInfo(channel), this.keys.nodeState(this.node), this.keys.bus, channel, userId, JSON.stringify(info ?? null), socketId)
      .then(sockets => this.report(joinChange(channel, userId, sockets)), () => {})
  }

  left(channel: string, userId: string, lastHere: boolean): void {
    if (!this.healthy) return this.local.left(channel, userId, lastHere)
    void this.link.commands.lookoutPresenceLeave(3, this.keys.presenceSockets(channel), this.keys.presenceInfo(channel), this.keys.nodeState(this.node), this.keys.bus, channel, userId)
      .then(sockets => this.report(leaveChange(channel, userId, sockets)), () => {})
  }

  terminate(userId: string): void {
    if (this.healthy) void this.link.commands.publish(this.keys.bus, terminateMessage(userId)).catch(() => {})
  }

  revoke(credential: string): void {
    if (this.healthy) void this.link.commands.publish(this.keys.bus, revokeMessage(credential)).catch(() => {})
  }

  bind(socketId: string, binding: SocketBinding, issuedAt: number): void {
    if (this.healthy) void this.link.commands.publish(this.keys.bus, bindMessage(socketId, binding, issuedAt)).catch(() => {})
  }

  position(channel: string): { epoch: string, offset: number } {
    return this.positions.position(channel)
  }

  members(channel: string, joining?: { userId: string, info: unknown }): PresenceSnapshot {
    return this.healthy ? this.presence.snapshot(channel, joining) : this.local.members(channel)
  }

  history(channel: string, after: number, epoch: string | undefined): Promise<HistoryPage> {
    // Any node answers the same from Redis; while Redis is away this rejects (the caller answers 503).
    return clusterHistory(this.link.commands, this.keys, this.positions.epoch, channel, after, epoch, this.local.historyMaxAgeMs)
  }

  cached(channel: string): { event: string, data: string, ttl: number } | undefined {
    return this.local.cached(channel)
  }

  async occupancy(): Promise<Occupancy> {
    if (this.healthy) {
      const redis = this.link.commands
      try {
        return { subscriptions: await clusterSubscriptionCounts(redis, this.keys), members: channel => clusterMembers(redis, this.keys, channel) }
      }
      catch {
        // Redis went away between the check and the read: this node's view is the best answer left.
      }
    }
    return this.local.occupancy()
  }

  connectionCount(): number {
    return this.healthy ? this.clusterConnections() : this.local.connectionCount()
  }

  status(): ClusterStatus {
    return { redis: this.healthy ? 'up' : 'down', nodes: this.totals.nodes, connections: this.clusterConnections() }
  }

  onChange(listener: ClusterChangeListener): () => void {
    return this.changes.listen(listener)
  }

  sweep(now: number): void {
    this.local.sweep(now)
  }

  async settled(): Promise<void> {
    if (!this.healthy) return
    const { seq, released } = this.barriers.open()
    // Its reply comes after the replies of every earlier command (whose cluster changes are then reported),
    // the marker after every earlier bus message.
    await this.link.commands.publish(this.keys.bus, settledMessage(this.node, seq)).catch(() => this.barriers.release(seq))
    await released
  }

  /** Stops heartbeats and leaves the cluster (this node's presence and subscriptions go with it). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    if (this.healthy) {
      await this.setNodeState(EMPTY_SHARE, false).catch(() => {})
      await this.link.commands.hdel(this.keys.nodes, this.node).catch(() => {})
    }
    this.degrade()
    await this.link.close()
  }

  private clusterConnections(): number {
    return this.totals.connections + this.here.connections.size
  }

  private async send(event: BrokerEvent, now: number, republished: boolean): Promise<void> {
    const streams = event.channels.map(channel => this.keys.history(channel))
    await this.link.commands.lookoutPublish(1 + streams.length, this.keys.offsets, ...streams, this.keys.bus, event.event, event.payload, event.shape, now, event.except, this.node, this.limits.historySize, republished ? '1' : '', this.limits.historySeconds * 2000, ...event.channels)
  }

  private publishAlone(event: BrokerEvent, now: number): void {
    this.local.publishUnnumbered(event, now)
    this.queued.push(event)
    if (this.queued.length > MAX_QUEUED) this.queued.shift()
  }

  private receive(raw: string): void {
    const message = decodeBusMessage(raw)
    if (message) this.apply(message)
  }

  private apply(message: BusMessage): void {
    switch (message.type) {
      case 'terminate':
        return this.handler.handleTerminate(message.userId)
      case 'revoke':
        return this.handler.handleRevoke(message.credential)
      case 'bind':
        return this.handler.handleBind(message.socketId, message.binding, message.issuedAt)
      case 'settled':
        if (message.node === this.node) this.barriers.release(message.seq)
        return
      case 'client':
        return this.handler.handlePublication({ channel: message.channel, event: message.event, data: message.data, except: message.except ?? undefined, userId: message.userId ?? undefined })
      case 'event':
        this.positions.observe(message.channel, message.offset)
        this.local.remember(message.channel, message.event, message.data, message.sentAt)
        if (message.republished && message.node === this.node) return
        return this.handler.handlePublication({
          channel: message.channel,
          event: message.event,
          data: message.data,
          except: message.except ?? undefined,
          position: { offset: message.offset, sentAt: message.sentAt, shape: message.shape },
        })
      case 'member_added': {
        const info = parseInfo(message.info)
        this.presence.add(message.channel, message.userId, info)
        return this.handler.handleJoin(message.channel, message.userId, info, message.except ?? undefined)
      }
      case 'member_removed':
        this.presence.remove(message.channel, message.userId)
        return this.handler.handleLeave(message.channel, message.userId)
    }
  }

  private report(change: ClusterChange | null): void {
    if (change) this.changes.emit(change)
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
      await this.setNodeState(localShare(this.here), false)
      // Events published alone while Redis was away go to the other nodes now (this node's sockets had them).
      while (this.queued.length > 0) {
        const queued = this.queued
        this.queued = []
        for (const event of queued) await this.send(event, Date.now(), true)
      }
      this.healthy = true
      if (this.everHealthy) {
        console.log(`[lookout] cluster: Redis is back; node ${this.node} resynchronised and asks its ${this.here.connections.size} clients to reconnect`)
        this.handler.handleResync()
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
    // Nothing sent now comes back: a barrier must not wait for it.
    this.barriers.release()
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

  /** Makes a node's share in Redis equal to `target`, reporting the cluster changes that makes. */
  private async setNodeState(target: NodeShare, cleanup: boolean, node = this.node): Promise<void> {
    const reply = await this.link.commands.lookoutNodeState(3, this.keys.nodeState(node), this.keys.subscriptions, this.keys.nodes, this.keys.bus, this.keys.base, node, JSON.stringify(target), cleanup ? '1' : '', NODE_STALE_MS)
    for (const change of nodeStateChanges(reply)) this.changes.emit(change)
  }

  /** Says this node is alive, learns the others' connections, and removes dead nodes' state. */
  private async heartbeat(): Promise<void> {
    if (!this.link.up) return
    try {
      const [now, flat] = await this.link.commands.lookoutHeartbeat(1, this.keys.nodes, this.node, this.here.connections.size) as [number, string[]]
      let nodes = 0
      let connections = 0
      for (let i = 0; i < flat.length; i += 2) {
        const node = flat[i]!
        const entry = JSON.parse(flat[i + 1]!) as { at: number, connections: number }
        if (now - entry.at >= NODE_STALE_MS) {
          await this.setNodeState(EMPTY_SHARE, true, node)
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
