// Everything the engine keeps for one app on this node.
import type { EngineLimits, RealtimeApp } from './app-config'
import { ChannelRegistry } from './channel'
import type { ClusterNode } from './cluster/cluster-node'
import type { Connection } from './connection'
import { EventCache } from './event-cache'
import { EventHistory } from './history'
import { Revocations } from './revocations'

/** The app's say on a client event: true allows, false refuses, undefined leaves the protocol's rule. */
export type ClientEventRule = (channel: string, roles: ReadonlyArray<string | null>) => boolean | undefined

export class AppState {
  readonly connections = new Map<string, Connection>()
  readonly channels = new ChannelRegistry()
  readonly history: EventHistory
  readonly cache: EventCache
  /** Users and credentials whose sockets were closed lately (see `RealtimeEngine.bindSocket`). */
  readonly revocations = new Revocations()
  /**
   * Decides whether a subscribed socket may send client events on a channel, from the roles it
   * was signed for; `undefined` leaves the protocol's rule (private and presence channels) alone.
   */
  clientEventRule: ClientEventRule | null = null
  /** Set when the app runs as part of a Redis-backed cluster (REDIS_URL). */
  cluster: ClusterNode | null = null

  constructor(readonly app: RealtimeApp, limits: EngineLimits) {
    this.history = new EventHistory(limits.historySize, limits.historySeconds * 1000)
    this.cache = new EventCache(limits.cacheSeconds * 1000)
  }
}
