// The broker seam: everything the engine needs from "the rest of the cluster", behind one interface.
//
// The engine (subscriptions, client messages, publisher, HTTP API) talks to `Broker` and never asks
// whether it is clustered. A broker delivers to this node's sockets only by calling the engine's
// `BrokerEventHandler` (named deliveries: a publication, a join, a leave), as centrifuge's Broker /
// BrokerEventHandler pair does.
//   - `LocalBroker` (one process, the default): numbers events, keeps history and the cache channels'
//     last events in memory, and hands everything straight back to the handler.
//   - `RedisBroker` (REDIS_URL): numbers and stores through Redis, delivers what the bus brings; while
//     Redis is away it delegates to a `LocalBroker` and serves this node's sockets alone.
//
// Cluster changes: `onChange` is the one place that says which channels became occupied or vacated and
// which presence members were added or removed, exactly once for the whole cluster (on the node whose
// action decided it). This is what webhooks report. While Redis is away a RedisBroker reports nothing;
// on reconnecting, the net differences it makes to the cluster's state are reported.
import type { HistoryPage } from '../../shared/realtime-protocol'
import type { ChannelRegistry } from './channel'
import type { Connection, SocketBinding } from './connection'
import type { PayloadShape } from './recovery-meta'

/** This node's sockets and channels, which a broker reads but never changes. */
export interface LocalNode {
  readonly channels: ChannelRegistry
  readonly connections: ReadonlyMap<string, Connection>
}

/** An event to publish: `payload` exactly as the publisher sent it; `shape` says if recovery metadata fits in it. */
export interface BrokerEvent {
  channels: string[]
  event: string
  payload: string
  shape: PayloadShape
  /** Socket that does not receive it ('' for none). */
  except: string
}

/** Where a numbered event sits in its channel's stream, for the sockets that asked for offsets. */
export interface PublicationPosition {
  offset: number
  sentAt: number
  shape: PayloadShape
}

/** One event for this node's subscribers of `channel`, `data` exactly as published. */
export interface Publication {
  channel: string
  event: string
  data: string
  except?: string
  /** The sender's user id, on client events of presence channels. */
  userId?: string
  /** Set on numbered events: recovery sockets get it spliced into their copy of `data`. */
  position?: PublicationPosition
}

/** How a broker delivers to this node's sockets: implemented by the engine. */
export interface BrokerEventHandler {
  /** An event (or client event) for this node's subscribers of a channel. */
  handlePublication(publication: Publication): void
  /** A user joined a presence channel (their first socket), announced to every subscriber but `except`. */
  handleJoin(channel: string, userId: string, info: unknown, except?: string): void
  /** A user's last socket left a presence channel. */
  handleLeave(channel: string, userId: string): void
  /** Closes this node's sockets of a user (a terminate from another node). */
  handleTerminate(userId: string): void
  /** Closes this node's sockets bound through a credential (a revocation on another node). */
  handleRevoke(credential: string): void
  /** Binds a socket if this node holds it (a binding signed on another node). */
  handleBind(socketId: string, binding: SocketBinding, issuedAt: number): void
  /** Asks this node's sockets to reconnect, so they catch up with what they missed elsewhere. */
  handleResync(): void
}

/** A change of the cluster's occupancy or presence, reported once cluster-wide (Pusher's webhook names). */
export type ClusterChange =
  | { name: 'channel_occupied', channel: string }
  | { name: 'channel_vacated', channel: string }
  | { name: 'member_added', channel: string, userId: string }
  | { name: 'member_removed', channel: string, userId: string }

export type ClusterChangeListener = (change: ClusterChange) => void

/** Who is on which channel. */
export interface Occupancy {
  /** Subscriptions per occupied channel. */
  subscriptions: Map<string, number>
  /** User ids of a presence channel's members. */
  members: (channel: string) => Promise<string[]>
}

/** The `presence` object of `pusher_internal:subscription_succeeded`. */
export interface PresenceSnapshot {
  ids: string[]
  hash: Record<string, unknown>
  count: number
}

/** A cluster's state for the health route and the metrics; a LocalBroker has none. */
export interface ClusterStatus {
  redis: 'up' | 'down'
  nodes: number
  connections: number
}

export interface Broker {
  /**
   * Numbers and stores an event per channel, then delivers it on every node. Resolves once it is numbered
   * (at once in one process), so a publisher that waits sees its next event ordered after this one.
   */
  publish(event: BrokerEvent, now: number): Promise<void>
  /** A client event, to every node's subscribers but the sender; not numbered, not stored. */
  clientEvent(channel: string, event: string, payload: string, except: string, userId: string | undefined): void
  /** A socket of this node subscribed (+1) or unsubscribed (-1); call after the channel registry changed. */
  subscribed(channel: string, delta: 1 | -1): void
  /** A socket of this node joined a presence channel; `firstHere` when it is the user's first socket on this node. */
  joined(channel: string, userId: string, info: unknown, socketId: string, firstHere: boolean): void
  /** A socket of this node left a presence channel; `lastHere` when it was the user's last socket on this node. */
  left(channel: string, userId: string, lastHere: boolean): void
  /** Closes a user's sockets on the other nodes (the engine closes this node's). */
  terminate(userId: string): void
  /** Closes the sockets bound through a credential on the other nodes (the engine closes this node's). */
  revoke(credential: string): void
  /** Binds a socket held by another node to the user and credential signed for it. */
  bind(socketId: string, binding: SocketBinding, issuedAt: number): void
  /** Epoch and newest offset of a channel, told to a new subscriber. */
  position(channel: string): { epoch: string, offset: number }
  /** Members of a presence channel, with `joining` listed even if the broker has not seen them yet. */
  members(channel: string, joining?: { userId: string, info: unknown }): PresenceSnapshot
  /** Kept events of a channel after `after`; rejects when the store cannot be read. */
  history(channel: string, after: number, epoch: string | undefined): Promise<HistoryPage>
  /** The last event of a cache channel, while it has not expired. */
  cached(channel: string): { event: string, data: string, ttl: number } | undefined
  /** Subscriptions and presence members, as the HTTP API reports them. */
  occupancy(): Promise<Occupancy>
  /** Open connections counted against the app's quota. */
  connectionCount(): number
  /** The cluster's state, or null for a single process. */
  status(): ClusterStatus | null
  /** Listens to cluster changes; returns the function that stops listening. */
  onChange(listener: ClusterChangeListener): () => void
  /** Periodic housekeeping: history and cache expiry. */
  sweep(now: number): void
  /** Resolves once what this node sent so far has come back to it (a barrier for tests). */
  settled(): Promise<void>
  /** Leaves the cluster and closes connections. */
  stop(): Promise<void>
}
