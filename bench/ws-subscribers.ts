// Raw `ws` sockets each subscribed to one public channel, opened in batches; channel events are handed on unparsed.
import WebSocket from 'ws'
import type { RawData } from 'ws'
import { nowMs } from './clock'

/** Gets each channel-event frame as text, with the index of the socket and the time the frame arrived. */
export type EventSink = (index: number, text: string, receivedAt: number) => void

/** Where to connect, what to join, how many sockets and how fast. */
export interface SubscriberOptions {
  /** `ws://127.0.0.1:PORT/app/KEY?protocol=7&...` */
  url: string
  /** The public channel socket `index` (0 … count-1) joins. */
  channelOf: (index: number) => string
  count: number
  /** Sockets opened at once; the next batch starts when this one is subscribed (or has failed). */
  batch: number
  onEvent: EventSink
  /** Time a batch may take before its unsubscribed sockets are given up. */
  batchTimeoutMs?: number
  /** Epoch ms after which no further batch is started. */
  deadline?: number
}

const PROTOCOL_PREFIX = '{"event":"pusher'
const PONG = JSON.stringify({ event: 'pusher:pong', data: {} })

/** Subscribed sockets, with what went wrong while opening and running them. */
export class SubscriberPool {
  readonly sockets: WebSocket[] = []
  /** Sockets subscribed so far. */
  subscribed = 0
  /** Why sockets failed before being subscribed, with counts. */
  readonly failures = new Map<string, number>()
  /** Subscribed sockets that closed before closeAll(), by close code. */
  readonly dropped = new Map<number, number>()
  /** `pusher:error` frames and other unexpected protocol frames, by description. */
  readonly protocolErrors = new Map<string, number>()
  /** `pusher:ping` frames answered with a pong. */
  pongsSent = 0
  private closing = false

  constructor(private readonly options: SubscriberOptions) {}

  /** Opens all sockets batch by batch; resolves when every one is subscribed or has failed. */
  async open(): Promise<void> {
    const { count: total, batch, deadline = Number.POSITIVE_INFINITY } = this.options
    for (let start = 0; start < total; start += batch) {
      const remaining = deadline - Date.now()
      if (remaining <= 0) {
        count(this.failures, 'connect phase deadline passed', total - start)
        break
      }
      const size = Math.min(batch, total - start)
      const results = await this.openBatch(start, size, Math.min(this.options.batchTimeoutMs ?? 15_000, remaining))
      // The server is gone or refusing everything: more batches would only wait for their timeouts.
      if (results.every(ok => !ok)) {
        count(this.failures, 'aborted after a whole batch failed', total - start - size)
        break
      }
    }
  }

  /** Closes every socket (code 1000), terminating those still open after `timeoutMs`. */
  async closeAll(timeoutMs = 5_000): Promise<void> {
    this.closing = true
    const open = this.sockets.filter(ws => ws.readyState !== WebSocket.CLOSED)
    const closed = open.map(ws => new Promise<void>(done => ws.once('close', () => done())))
    for (const ws of open) {
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate()
      else ws.close(1000, 'benchmark done')
    }
    let timer: NodeJS.Timeout | undefined
    await Promise.race([Promise.all(closed), new Promise(done => (timer = setTimeout(done, timeoutMs)))])
    clearTimeout(timer)
    for (const ws of this.sockets) if (ws.readyState !== WebSocket.CLOSED) ws.terminate()
  }

  private async openBatch(start: number, size: number, timeoutMs: number): Promise<boolean[]> {
    const pending: Promise<boolean>[] = []
    for (let index = start; index < start + size; index++) pending.push(this.openOne(index, timeoutMs))
    return Promise.all(pending)
  }

  /** One socket: connect, subscribe on `connection_established`, resolve true on `subscription_succeeded`. */
  private openOne(index: number, timeoutMs: number): Promise<boolean> {
    const { url, onEvent } = this.options
    const channel = this.options.channelOf(index)
    const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs })
    this.sockets[index] = ws
    let subscribed = false
    return new Promise<boolean>((resolve) => {
      let settled = false
      const settle = (failure: string | null) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        if (failure === null) {
          subscribed = true
          this.subscribed += 1
        }
        else {
          count(this.failures, failure)
          ws.terminate()
        }
        resolve(failure === null)
      }
      const timer = setTimeout(() => settle(`not subscribed within ${timeoutMs} ms`), timeoutMs)

      ws.on('message', (data: RawData) => {
        // Hot path: the arrival time first, then one string copy; channel events are parsed after the run.
        const receivedAt = nowMs()
        const text = textOf(data)
        if (text.startsWith('{"event":"') && !text.startsWith(PROTOCOL_PREFIX)) {
          onEvent(index, text, receivedAt)
          return
        }
        const frame = parseFrame(text)
        if (!frame) {
          count(this.protocolErrors, 'unparseable frame')
          return
        }
        switch (frame.event) {
          case 'pusher:connection_established':
            ws.send(JSON.stringify({ event: 'pusher:subscribe', data: { channel } }))
            return
          case 'pusher_internal:subscription_succeeded':
            if (frame.channel === channel) settle(null)
            return
          case 'pusher:ping':
            this.pongsSent += 1
            ws.send(PONG)
            return
          case 'pusher:error':
          case 'pusher:subscription_error':
            count(this.protocolErrors, `${frame.event} ${typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data)}`)
            if (!subscribed) settle(`${frame.event} before subscription`)
            return
          default:
            // A channel event serialised in another key order still counts; it is checked later like the rest.
            if (frame.event.startsWith('pusher')) count(this.protocolErrors, `unexpected ${frame.event}`)
            else onEvent(index, text, receivedAt)
        }
      })
      ws.on('error', (error: Error & { code?: string }) => {
        if (!subscribed) settle(error.code ?? error.message)
      })
      ws.on('close', (code: number) => {
        if (!subscribed) settle(`closed with ${code} before subscription`)
        else if (!this.closing) count(this.dropped, code)
      })
    })
  }
}

/** Adds `by` to the count of `key`. */
function count<K>(map: Map<K, number>, key: K, by = 1): void {
  if (by > 0) map.set(key, (map.get(key) ?? 0) + by)
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8')
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  return Buffer.from(data).toString('utf8')
}

function parseFrame(text: string): { event: string, channel?: unknown, data?: unknown } | null {
  try {
    const value = JSON.parse(text) as { event?: unknown, channel?: unknown, data?: unknown }
    return typeof value === 'object' && value !== null && typeof value.event === 'string' ? value as { event: string } : null
  }
  catch {
    return null
  }
}
