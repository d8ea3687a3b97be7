// Test doubles for the realtime engine: a recording Transport and an engine with connected clients.
import { loadEngineConfig } from '../../../../server/realtime/app-config'
import type { AppState } from '../../../../server/realtime/app-state'
import type { Connection } from '../../../../server/realtime/connection'
import type { OpenRequest } from '../../../../server/realtime/engine'
import { RealtimeEngine } from '../../../../server/realtime/engine'
import type { Transport } from '../../../../server/realtime/transport'

export const APP = { id: 'app', key: 'key', secret: 'secret' }

/** A frame as a client sees it, parsed from the wire. */
export interface SentFrame {
  event: string
  channel?: string
  data?: string
  user_id?: string
}

/** Records every frame written and every close; `bufferedAmount` is set by the test. */
export class FakeTransport implements Transport {
  bufferedAmount = 0
  readonly raw: Array<string | Buffer> = []
  readonly closes: Array<{ code: number, reason: string }> = []

  send(frame: string | Buffer): void {
    this.raw.push(frame)
  }

  close(code: number, reason: string): void {
    this.closes.push({ code, reason })
  }

  /** Every frame written, parsed. */
  get frames(): SentFrame[] {
    return this.raw.map(frame => JSON.parse(frame.toString()) as SentFrame)
  }

  /** Frames with this event name. */
  framesOf(event: string): SentFrame[] {
    return this.frames.filter(frame => frame.event === event)
  }

  /** The last frame written. */
  get last(): SentFrame | undefined {
    return this.frames.at(-1)
  }

  /** Forgets what was sent so far. */
  clear(): void {
    this.raw.length = 0
  }
}

/** The `data` string of a frame, parsed as JSON (the protocol always sends a string). */
export function dataOf<T = Record<string, unknown>>(frame: SentFrame | undefined): T {
  if (typeof frame?.data !== 'string') throw new Error(`frame has no string data: ${JSON.stringify(frame)}`)
  return JSON.parse(frame.data) as T
}

/** An engine for app `app` / `key` / `secret`, with extra environment variables. */
export function createEngine(env: Record<string, string | undefined> = {}): RealtimeEngine {
  return new RealtimeEngine(loadEngineConfig({ REVERB_APP_ID: APP.id, REVERB_APP_KEY: APP.key, REVERB_APP_SECRET: APP.secret, ...env }))
}

/** The state of the test app. */
export function appState(engine: RealtimeEngine): AppState {
  const state = engine.appByKey(APP.key)
  if (!state) throw new Error('test app is not configured')
  return state
}

export interface TestClient {
  transport: FakeTransport
  connection: Connection
  socketId: string
  /** Sends a frame object as JSON text. */
  send(frame: Record<string, unknown>): void
}

/** Opens a socket that must be accepted. */
export function connect(engine: RealtimeEngine, request: Partial<OpenRequest> = {}): TestClient {
  const transport = new FakeTransport()
  const connection = engine.open(transport, { appKey: APP.key, protocol: '7', origin: null, ...request })
  if (!connection) throw new Error(`connection refused: ${JSON.stringify(transport.frames)}`)
  return {
    transport,
    connection,
    socketId: connection.socketId,
    send: frame => engine.receive(connection, JSON.stringify(frame), false),
  }
}

/** Sends `pusher:subscribe` the way pusher-js does (data as an object). */
export function subscribe(client: TestClient, channel: string, extra: { auth?: unknown, channel_data?: string } = {}): void {
  client.send({ event: 'pusher:subscribe', data: { channel, ...extra } })
}
