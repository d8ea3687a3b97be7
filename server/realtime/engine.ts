// The realtime engine: apps, sockets, channels and publishing, with no web framework attached.
import type { EngineConfig, EngineLimits, RealtimeApp } from './app-config'
import { AppState } from './app-state'
import type { BrokerFactory } from './app-state'
import { handleClientMessage } from './client-messages'
import { RedisBroker } from './cluster/redis-broker'
import { Connection } from './connection'
import type { SendLimit, SocketBinding } from './connection'
import { errorFrame, serverFrame } from './frames'
import { checkLiveness } from './liveness'
import type { FanoutContext } from './local-delivery'
import { LocalBroker } from './local-broker'
import { EngineMetrics } from './metrics'
import { isOriginAllowed } from './origin'
import { ErrorCode } from './protocol-errors'
import type { PublishRequest } from './publisher'
import { publish } from './publisher'
import type { Transport } from './transport'
import { unsubscribe } from './subscriptions'

/** What the WebSocket adapter knows about a new socket. */
export interface OpenRequest {
  appKey: string
  /** `protocol` query parameter of the URL. */
  protocol: string | null
  origin: string | null
  /** Host header of the upgrade request, for the same-origin default. */
  host?: string | null
  /** Connected through the recovery path (`/lookout/app/{key}`): the socket asked for offsets. */
  recovery?: boolean
}

const SUPPORTED_PROTOCOLS = new Set(['5', '6', '7'])

/** Hears a user's connections terminated or a credential's revoked on this node (asked here or on another node). */
export type RevocationListener = (state: AppState, revoked: { userId: string } | { credential: string }) => void

export class RealtimeEngine implements FanoutContext {
  readonly metrics = new EngineMetrics()
  readonly limits: EngineLimits
  private readonly byKey = new Map<string, AppState>()
  private readonly byId = new Map<string, AppState>()
  private timer: NodeJS.Timeout | null = null
  /** One send limit for every socket (not an object per socket). */
  private readonly sendLimit: SendLimit
  private readonly revocationListeners = new Set<RevocationListener>()

  constructor(config: EngineConfig) {
    this.limits = config.limits
    this.sendLimit = { maxBufferedBytes: config.limits.maxBufferedBytes, onCutOff: () => this.metrics.error(ErrorCode.OverCapacity) }
    const openBroker: BrokerFactory = config.redisUrl
      ? (app, node, handler) => new RedisBroker(config.redisUrl!, app.id, node, handler, config.limits)
      : (_app, node, handler) => new LocalBroker(node, handler, config.limits)
    for (const app of config.apps) {
      const state = new AppState(app, this, state => ({
        terminate: userId => this.terminateLocalUser(state, userId),
        revoke: credential => this.revokeLocalCredential(state, credential),
        bind: (socketId, binding, issuedAt) => this.bindLocalSocket(state, socketId, binding, issuedAt),
      }), openBroker)
      this.byKey.set(app.key, state)
      this.byId.set(app.id, state)
    }
  }

  get maxBufferedBytes(): number {
    return this.limits.maxBufferedBytes
  }

  /** The app with this id (HTTP API), or undefined. */
  appById(id: string): AppState | undefined {
    return this.byId.get(id)
  }

  /** The app with this key (WebSocket URL), or undefined. */
  appByKey(key: string): AppState | undefined {
    return this.byKey.get(key)
  }

  /** Every configured app. */
  apps(): RealtimeApp[] {
    return [...this.byId.values()].map(state => state.app)
  }

  /** Accepts a new socket, or tells it why not and closes it (returns null). */
  open(transport: Transport, request: OpenRequest): Connection | null {
    const refuse = (code: number, message: string) => {
      this.metrics.error(code)
      transport.send(errorFrame(code, message))
      transport.close(code, message)
      return null
    }
    const state = this.byKey.get(request.appKey)
    if (!state) return refuse(ErrorCode.UnknownApp, `Application does not exist`)
    if (!request.protocol) return refuse(ErrorCode.NoProtocolVersion, 'No protocol version supplied')
    if (!SUPPORTED_PROTOCOLS.has(request.protocol)) return refuse(ErrorCode.UnsupportedProtocol, `Unsupported protocol version ${request.protocol.slice(0, 8)}`)
    if (!isOriginAllowed(state.app.allowedOrigins, request.origin, request.host)) return refuse(ErrorCode.Unauthorized, 'Origin not allowed')
    if (state.app.maxConnections > 0 && state.broker.connectionCount() >= state.app.maxConnections) {
      return refuse(ErrorCode.OverQuota, 'Application is over its connection quota')
    }
    const connection = new Connection(state.app, transport, request.origin, Date.now(), this.sendLimit, request.recovery === true)
    state.connections.set(connection.socketId, connection)
    this.metrics.connections.inc()
    this.metrics.connectionsOpened.inc()
    connection.send(serverFrame('pusher:connection_established', {
      socket_id: connection.socketId,
      activity_timeout: state.app.activityTimeout,
    }))
    return connection
  }

  /** Handles a frame from a socket. Binary frames are refused: the protocol is text. */
  receive(connection: Connection, data: string | Buffer, isBinary: boolean): void {
    const state = this.byId.get(connection.app.id)
    if (!state || connection.closed) return
    this.metrics.messagesIn.inc()
    this.metrics.bytesIn.inc(typeof data === 'string' ? Buffer.byteLength(data) : data.length)
    if (isBinary) {
      this.metrics.error(null)
      connection.send(errorFrame(null, 'Binary frames are not supported'))
      return
    }
    handleClientMessage(this, state, connection, typeof data === 'string' ? data : data.toString('utf8'))
  }

  /** Forgets a socket that has closed, leaving its channels (presence members are announced). */
  closed(connection: Connection): void {
    connection.closed = true
    const state = this.byId.get(connection.app.id)
    if (!state || !state.connections.delete(connection.socketId)) return
    for (const name of [...connection.channels]) unsubscribe(this, state, connection, name)
    this.metrics.connections.dec()
  }

  /** Publishes an event to channels of an app (the path of the HTTP API and of domain broadcasts). */
  publish(state: AppState, request: PublishRequest): Promise<void> {
    return publish(this, state, request)
  }

  /** Closes every socket of a user (signed in, in presence, or bound to them) with 4009, on every node; returns how many here. */
  terminateUser(state: AppState, userId: string): number {
    state.broker.terminate(userId)
    return this.terminateLocalUser(state, userId)
  }

  /** Closes every socket bound through a credential (a session or a token) with 4009, on every node; returns how many here. */
  revokeCredential(state: AppState, credential: string): number {
    state.broker.revoke(credential)
    return this.revokeLocalCredential(state, credential)
  }

  /** Adds a listener of revocations, for connections the engine does not hold (MQTT sessions); returns its removal. */
  onRevocation(listener: RevocationListener): () => void {
    this.revocationListeners.add(listener)
    return () => this.revocationListeners.delete(listener)
  }

  /**
   * Records that the app signed something for `socketId` on behalf of `binding`, on whichever node
   * holds the socket. A binding that reaches its socket after its user or credential was revoked
   * closes the socket instead: the signature was issued before the revocation.
   */
  bindSocket(state: AppState, socketId: string, binding: SocketBinding, issuedAt: number = Date.now()): void {
    if (!this.bindLocalSocket(state, socketId, binding, issuedAt)) state.broker.bind(socketId, binding, issuedAt)
  }

  private bindLocalSocket(state: AppState, socketId: string, binding: SocketBinding, issuedAt: number): boolean {
    const connection = state.connections.get(socketId)
    if (!connection) return false
    if (state.revocations.outdates(binding, issuedAt)) this.terminate(connection)
    else connection.bind(binding)
    return true
  }

  private terminateLocalUser(state: AppState, userId: string): number {
    state.revocations.revokeUser(userId)
    for (const listener of this.revocationListeners) listener(state, { userId })
    return this.terminateWhere(state, connection => connection.belongsTo(userId))
  }

  private revokeLocalCredential(state: AppState, credential: string): number {
    state.revocations.revokeCredential(credential)
    for (const listener of this.revocationListeners) listener(state, { credential })
    return this.terminateWhere(state, connection => connection.bindings.some(binding => binding.credential === credential))
  }

  private terminateWhere(state: AppState, matches: (connection: Connection) => boolean): number {
    let closed = 0
    for (const connection of state.connections.values()) {
      if (!matches(connection)) continue
      this.terminate(connection)
      closed += 1
    }
    return closed
  }

  private terminate(connection: Connection): void {
    connection.send(errorFrame(ErrorCode.Unauthorized, 'Connection terminated'))
    connection.close(ErrorCode.Unauthorized, 'Connection terminated')
  }

  /** One pass of housekeeping: pings, pong timeouts, history and cache expiry, gauges. */
  sweep(now: number = Date.now()): void {
    let channels = 0
    for (const state of this.byId.values()) {
      for (const connection of state.connections.values()) {
        if (checkLiveness(connection, now)) this.metrics.error(ErrorCode.PongTimeout)
      }
      state.broker.sweep(now)
      state.revocations.prune(now)
      channels += state.channels.size
      const cluster = state.broker.status()
      if (cluster) {
        this.metrics.clusterUp.set(cluster.redis === 'up' ? 1 : 0)
        this.metrics.clusterNodes.set(cluster.nodes)
        this.metrics.clusterConnections.set(cluster.connections)
      }
    }
    this.metrics.channels.set(channels)
  }

  /** Starts periodic housekeeping. */
  start(intervalMs = 1000): void {
    this.timer ??= setInterval(() => this.sweep(), intervalMs)
    this.timer.unref()
  }

  /** Stops housekeeping, asks every client to reconnect (graceful shutdown) and leaves the cluster. */
  async shutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    for (const state of this.byId.values()) {
      for (const connection of state.connections.values()) connection.close(ErrorCode.Reconnect, 'Server restarting')
    }
    await Promise.all([...this.byId.values()].map(state => state.broker.stop()))
  }
}
