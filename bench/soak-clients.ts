// Clients that come and go without pause: pusher-js on private and presence channels (leaving cleanly) and raw
// sockets (dropped without a close frame); every session checks that each channel's offsets arrive without holes.
import type Pusher from 'pusher'
import type PusherJs from 'pusher-js'
import WebSocket from 'ws'
import type { RawData } from 'ws'
import { pusherClient } from '../tests/support/clients'
import type { ServerProcess } from '../tests/support/server-process'
import { TEST_APP } from '../tests/support/server-process'

/** What the clients saw over the whole run. */
export interface ChurnStats {
  /** Sessions opened, by kind. */
  opened: Map<string, number>
  /** Sessions whose every subscription was confirmed. */
  subscribed: number
  cleanLeaves: number
  abruptLeaves: number
  /** Channel events received (server events and client events). */
  events: number
  /** Offsets missing between two events of one channel in one session: events lost. */
  gaps: number
  /** Events at or below an offset the session already had. */
  repeats: number
  /** Errors and closes the server sent, by code (`subscription_error` by status). */
  errors: Map<string, number>
}

/** The channels sessions pick from. */
export interface SoakChannels {
  private: string[]
  presence: string[]
}

interface Message {
  event: string
  channel?: string
  data?: unknown
}

const KINDS = ['pusher-private', 'pusher-presence', 'raw-abrupt'] as const
const MIN_LIFE_MS = 2_000
const MAX_LIFE_MS = 20_000

/** Offsets per channel within one session. */
class OffsetCheck {
  private readonly last = new Map<string, number>()

  constructor(private readonly stats: ChurnStats) {}

  /** Records what the subscription confirmation says: the channel's newest offset. */
  subscribed(channel: string, data: unknown): void {
    const offset = offsetOf(data)
    if (offset !== undefined) this.last.set(channel, offset)
  }

  /** Counts an event and any hole before it. */
  event(channel: string, data: unknown): void {
    this.stats.events += 1
    const offset = offsetOf(data)
    const last = this.last.get(channel)
    if (offset === undefined || last === undefined) return
    if (offset <= last) this.stats.repeats += 1
    else this.stats.gaps += offset - last - 1
    this.last.set(channel, Math.max(last, offset))
  }
}

export class ClientChurn {
  readonly stats: ChurnStats = { opened: new Map(), subscribed: 0, cleanLeaves: 0, abruptLeaves: 0, events: 0, gaps: 0, repeats: 0, errors: new Map() }
  private readonly live = new Set<() => void>()
  private running = false
  private serial = 0

  constructor(private readonly server: ServerProcess, private readonly sdk: Pusher, private readonly channels: SoakChannels, private readonly target: number) {}

  /** Sessions open right now. */
  get connected(): number {
    return this.live.size
  }

  /** Opens `target` sessions; each one that ends is replaced until stop(). */
  start(): void {
    this.running = true
    for (let i = 0; i < this.target; i++) this.open()
  }

  /** Stops replacing sessions and ends every open one cleanly. */
  stop(): void {
    this.running = false
    for (const leave of [...this.live]) leave()
  }

  private open(): void {
    if (!this.running) return
    const n = this.serial++
    const kind = KINDS[n % KINDS.length]!
    count(this.stats.opened, kind)
    const check = new OffsetCheck(this.stats)
    const close = kind === 'raw-abrupt' ? this.rawSession(n, check) : this.pusherSession(n, kind, check)
    let done = false
    const leave = () => {
      if (done) return
      done = true
      clearTimeout(timer)
      this.live.delete(leave)
      close()
      setImmediate(() => this.open())
    }
    const timer = setTimeout(leave, MIN_LIFE_MS + Math.random() * (MAX_LIFE_MS - MIN_LIFE_MS))
    this.live.add(leave)
  }

  /** A pusher-js client on two private channels, or a presence channel and its zone (whispering once). */
  private pusherSession(n: number, kind: 'pusher-private' | 'pusher-presence', check: OffsetCheck): () => void {
    const user = kind === 'pusher-presence' ? { user: { user_id: `soak-${n % 40}`, user_info: { name: `Soak ${n % 40}` } } } : {}
    const client: PusherJs = pusherClient(this.server, this.sdk, user)
    const names = kind === 'pusher-presence'
      ? [pick(this.channels.presence, n), pick(this.channels.private, n)]
      : [pick(this.channels.private, n), pick(this.channels.private, n + 7)]
    const unique = [...new Set(names)]
    let confirmed = 0
    client.connection.bind('message', (message: Message) => {
      if (!message.channel) return
      if (message.event === 'pusher_internal:subscription_succeeded') {
        check.subscribed(message.channel, message.data)
        if (++confirmed === unique.length) this.stats.subscribed += 1
        if (kind === 'pusher-presence' && message.channel.startsWith('presence-')) client.channel(message.channel)?.trigger('client-hello', { from: n })
      }
      else if (message.event === 'pusher:subscription_error') count(this.stats.errors, `subscription_error ${(message.data as { status?: number } | undefined)?.status}`)
      else if (!message.event.startsWith('pusher')) check.event(message.channel, message.data)
    })
    client.connection.bind('error', (error: { data?: { code?: number } }) => {
      if (typeof error?.data?.code === 'number') count(this.stats.errors, String(error.data.code))
    })
    for (const name of unique) client.subscribe(name)
    return () => {
      this.stats.cleanLeaves += 1
      client.disconnect()
    }
  }

  /** A bare socket on a private channel, dropped without a close frame when its time is up. */
  private rawSession(n: number, check: OffsetCheck): () => void {
    const ws = new WebSocket(`ws://127.0.0.1:${this.server.port}/lookout/app/${TEST_APP.key}?protocol=7&client=soak&version=1`, { perMessageDeflate: false })
    const name = pick(this.channels.private, n)
    ws.on('message', (raw: RawData) => {
      const message = JSON.parse(raw.toString()) as Message
      if (message.event === 'pusher:connection_established') {
        const socketId = (JSON.parse(message.data as string) as { socket_id: string }).socket_id
        ws.send(JSON.stringify({ event: 'pusher:subscribe', data: { channel: name, ...this.sdk.authorizeChannel(socketId, name) } }))
      }
      else if (message.event === 'pusher:ping') ws.send(JSON.stringify({ event: 'pusher:pong', data: {} }))
      else if (message.event === 'pusher_internal:subscription_succeeded' && message.channel) {
        check.subscribed(message.channel, parsed(message.data))
        this.stats.subscribed += 1
      }
      else if (message.event === 'pusher:error') count(this.stats.errors, String((parsed(message.data) as { code?: number } | undefined)?.code))
      else if (message.channel && !message.event.startsWith('pusher')) check.event(message.channel, parsed(message.data))
    })
    ws.on('error', (error: Error) => count(this.stats.errors, `raw socket: ${error.message}`))
    return () => {
      this.stats.abruptLeaves += 1
      ws.terminate()
    }
  }
}

/** `__lookout.offset` of an event's data (or of a subscription confirmation), when it carries one. */
function offsetOf(data: unknown): number | undefined {
  const meta = (data as { __lookout?: { offset?: unknown } } | null | undefined)?.__lookout
  return typeof meta?.offset === 'number' ? meta.offset : undefined
}

/** A frame's `data` string as JSON, or undefined when it is not JSON. */
function parsed(data: unknown): unknown {
  try {
    return typeof data === 'string' ? JSON.parse(data) : data
  }
  catch {
    return undefined
  }
}

function pick<T>(items: T[], n: number): T {
  return items[n % items.length]!
}

function count(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}
