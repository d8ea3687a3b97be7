// One client socket: identity, subscriptions, liveness and a bounded send path.
import { randomInt } from 'node:crypto'
import type { RealtimeApp } from './app-config'
import type { SharedFrame, Transport } from './transport'
import { RateLimiter } from './rate-limiter'

/** A user signed in with `pusher:signin` or known from presence channel data. */
export interface SignedInUser {
  id: string
  info?: unknown
}

/**
 * Whom the app signed something for this socket: the user, the credential the request came with
 * (a session or an API token) and the user's role. Disabling the user or revoking the credential
 * closes the socket, whatever it subscribed to.
 */
export interface SocketBinding {
  userId: string
  credential: string
  role: string | null
}

/** How much may queue for one socket, and who hears when it is cut off for it. */
export interface SendLimit {
  /** LOOKOUT_MAX_BUFFERED_BYTES: bounds replies as well as broadcasts, so a client that floods without reading is cut off too. */
  maxBufferedBytes: number
  /** Called when the socket is cut off with 4100, for the metrics. */
  onCutOff: () => void
}

const UNLIMITED: SendLimit = { maxBufferedBytes: Number.POSITIVE_INFINITY, onCutOff: () => {} }
const NO_PRESENCE: ReadonlyMap<string, string> = new Map()

export class Connection {
  readonly socketId = `${randomInt(1, 2 ** 47)}.${randomInt(1, 2 ** 47)}`
  /** Channel names this socket is subscribed to. */
  readonly channels = new Set<string>()
  user: SignedInUser | null = null
  lastActivityAt: number
  pingSentAt: number | null = null
  closed = false
  private clientEventLimiter: RateLimiter | null = null
  /** Allocated on the first presence channel: most sockets never join one. */
  private presenceUsers: Map<string, string> | null = null
  /** Allocated on the first binding: sockets of SDK-signed apps never get one. */
  private bindingList: SocketBinding[] | null = null

  constructor(
    readonly app: RealtimeApp,
    private readonly transport: Transport,
    readonly origin: string | null,
    now: number = Date.now(),
    private readonly limit: SendLimit = UNLIMITED,
    /** The client connected through the recovery path: its events carry offsets and send times. */
    readonly wantsRecovery = false,
  ) {
    this.lastActivityAt = now
  }

  /** Records that the client said something, which proves it alive. */
  touch(now: number = Date.now()): void {
    this.lastActivityAt = now
    this.pingSentAt = null
  }

  /**
   * Writes a frame unless the socket's queue is past `maxBuffered`, in which case the socket is
   * cut off with 4100 so a slow reader cannot grow the server's memory. Returns whether it was sent.
   */
  send(frame: string | Buffer, maxBuffered = this.limit.maxBufferedBytes): boolean {
    if (!this.writable(maxBuffered)) return false
    this.transport.send(frame)
    return true
  }

  /** send() for a frame written to many sockets: the transport may reuse one wire encoding of it. */
  sendShared(frame: SharedFrame, maxBuffered: number): boolean {
    if (!this.writable(maxBuffered)) return false
    if (this.transport.sendShared) this.transport.sendShared(frame)
    else this.transport.send(frame.data)
    return true
  }

  /** Closes the socket once with a protocol code. */
  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    this.transport.close(code, reason)
  }

  /** User id per presence channel, for member bookkeeping on leave. */
  get presenceUserIds(): ReadonlyMap<string, string> {
    return this.presenceUsers ?? NO_PRESENCE
  }

  /** Records the user this socket is in presence channel `channel` as. */
  joinPresence(channel: string, userId: string): void {
    (this.presenceUsers ??= new Map()).set(channel, userId)
  }

  /** Forgets the socket's presence in `channel`. */
  leavePresence(channel: string): void {
    this.presenceUsers?.delete(channel)
  }

  /** The users and credentials the app signed for this socket. */
  get bindings(): readonly SocketBinding[] {
    return this.bindingList ?? []
  }

  /** Records that the app signed something for this socket on behalf of `binding`. */
  bind(binding: SocketBinding): void {
    const known = this.bindingList?.some(item => item.userId === binding.userId && item.credential === binding.credential && item.role === binding.role)
    if (!known) (this.bindingList ??= []).push(binding)
  }

  /** True when the socket is a user's: signed in as them, in presence as them, or bound to them. */
  belongsTo(userId: string): boolean {
    if (this.user?.id === userId || this.bindings.some(binding => binding.userId === userId)) return true
    for (const id of this.presenceUserIds.values()) if (id === userId) return true
    return false
  }

  /** False once closed, or when the queue is past `maxBuffered` and the socket is cut off with 4100. */
  private writable(maxBuffered: number): boolean {
    if (this.closed) return false
    if (this.transport.bufferedAmount <= maxBuffered) return true
    this.close(4100, 'Client too slow: send buffer full')
    this.limit.onCutOff()
    return false
  }

  /** Takes a client-event token; false when the client is over its rate. */
  allowClientEvent(now: number = Date.now()): boolean {
    this.clientEventLimiter ??= new RateLimiter(this.app.clientEventsPerSecond, now)
    return this.clientEventLimiter.take(now)
  }
}
