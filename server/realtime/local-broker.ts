// The broker of a single process: offsets, history and the cache channels' last events in memory.
import type { HistoryPage } from '../../shared/realtime-protocol'
import type { EngineLimits } from './app-config'
import type { Broker, BrokerEvent, BrokerEventHandler, ClusterChangeListener, LocalNode, Occupancy, PresenceSnapshot } from './broker'
import { isCacheChannel } from './channel-name'
import { ClusterChanges } from './cluster-changes'
import { EventCache } from './event-cache'
import { EventHistory } from './history'

const EMPTY: PresenceSnapshot = { ids: [], hash: {}, count: 0 }

export class LocalBroker implements Broker {
  private readonly events: EventHistory
  private readonly cache: EventCache
  private readonly changes = new ClusterChanges()

  constructor(private readonly node: LocalNode, private readonly handler: BrokerEventHandler, limits: EngineLimits) {
    this.events = new EventHistory(limits.historySize, limits.historySeconds * 1000)
    this.cache = new EventCache(limits.cacheSeconds * 1000)
  }

  publish(event: BrokerEvent, now: number): Promise<void> {
    for (const channel of event.channels) {
      const offset = this.events.nextOffset(channel)
      this.events.append(channel, { offset, event: event.event, data: event.payload, sent_at: now })
      if (isCacheChannel(channel)) this.cache.put(channel, event.event, event.payload, now)
      const position = { offset, sentAt: now, shape: event.shape }
      this.handler.handlePublication({ channel, event: event.event, data: event.payload, except: event.except || undefined, position })
    }
    return Promise.resolve()
  }

  /** Delivers and caches an event here without numbering it: a cluster node's publish while Redis is away. */
  publishUnnumbered(event: BrokerEvent, now: number): void {
    for (const channel of event.channels) {
      if (isCacheChannel(channel)) this.cache.put(channel, event.event, event.payload, now)
      this.handler.handlePublication({ channel, event: event.event, data: event.payload, except: event.except || undefined })
    }
  }

  /** Remembers the newest event of a cache channel that was published elsewhere. */
  remember(channel: string, event: string, data: string, now: number): void {
    if (isCacheChannel(channel)) this.cache.put(channel, event, data, now)
  }

  clientEvent(channel: string, event: string, payload: string, except: string, userId: string | undefined): void {
    this.handler.handlePublication({ channel, event, data: payload, except, userId })
  }

  subscribed(channel: string, delta: 1 | -1): void {
    const subscribers = this.node.channels.find(channel)?.subscribers.size ?? 0
    if (delta === 1 && subscribers === 1) this.changes.emit({ name: 'channel_occupied', channel })
    if (delta === -1 && subscribers === 0) this.changes.emit({ name: 'channel_vacated', channel })
  }

  joined(channel: string, userId: string, info: unknown, socketId: string, firstHere: boolean): void {
    if (!firstHere) return
    this.handler.handleJoin(channel, userId, info, socketId)
    this.changes.emit({ name: 'member_added', channel, userId })
  }

  left(channel: string, userId: string, lastHere: boolean): void {
    if (!lastHere) return
    this.handler.handleLeave(channel, userId)
    this.changes.emit({ name: 'member_removed', channel, userId })
  }

  terminate(): void {
    // No other node: the engine has closed this one's sockets.
  }

  revoke(): void {
    // No other node: the engine has closed this one's sockets.
  }

  bind(): void {
    // No other node: a socket the engine does not hold is not connected anywhere.
  }

  position(channel: string): { epoch: string, offset: number } {
    return this.events.position(channel)
  }

  members(channel: string): PresenceSnapshot {
    return this.node.channels.find(channel)?.presence?.snapshot() ?? EMPTY
  }

  async history(channel: string, after: number, epoch: string | undefined): Promise<HistoryPage> {
    return this.events.since(channel, after, epoch)
  }

  /** How long events are kept, which a cluster's history applies too. */
  get historyMaxAgeMs(): number {
    return this.events.maxAgeMs
  }

  cached(channel: string): { event: string, data: string, ttl: number } | undefined {
    return this.cache.get(channel)
  }

  async occupancy(): Promise<Occupancy> {
    return {
      subscriptions: new Map([...this.node.channels.all()].map(channel => [channel.name, channel.subscribers.size])),
      members: async channel => this.node.channels.find(channel)?.presence?.ids() ?? [],
    }
  }

  connectionCount(): number {
    return this.node.connections.size
  }

  status(): null {
    return null
  }

  onChange(listener: ClusterChangeListener): () => void {
    return this.changes.listen(listener)
  }

  sweep(now: number): void {
    this.events.prune(name => this.node.channels.find(name) !== undefined, now)
    this.cache.prune(now)
  }

  async settled(): Promise<void> {
    // Everything is delivered synchronously.
  }

  async stop(): Promise<void> {
    // Nothing to leave.
  }
}
