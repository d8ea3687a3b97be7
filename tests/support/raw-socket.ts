// A bare `ws` client that speaks just enough Pusher protocol to test the server frame by frame.
import { WebSocket } from 'ws'
import type { ServerProcess } from './server-process'

export interface Frame {
  event: string
  channel?: string
  data?: unknown
  user_id?: string
}

/** `autoPong` answers the server's pings; `path` prefixes `/app/{key}` (`/lookout` asks for offsets). */
interface SocketOptions {
  autoPong: boolean
  path?: string
}

export class RawSocket {
  readonly frames: Frame[] = []
  established: { socket_id: string, activity_timeout: number } = { socket_id: '', activity_timeout: 0 }
  private closeInfo: { code: number, reason: string } | null = null
  private cursor = 0

  private constructor(private readonly ws: WebSocket, autoPong: boolean) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame
      this.frames.push(frame)
      if (autoPong && frame.event === 'pusher:ping') this.send({ event: 'pusher:pong', data: {} })
    })
    ws.on('close', (code, reason) => { this.closeInfo = { code, reason: reason.toString() } })
    ws.on('error', () => undefined)
  }

  /** Opens a socket without waiting for anything. */
  static async connect(server: ServerProcess, key: string, protocol = '7', origin?: string, options: SocketOptions = { autoPong: true }): Promise<RawSocket> {
    const query = protocol ? `?protocol=${protocol}&client=raw&version=1` : ''
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${options.path ?? ''}/app/${key}${query}`, origin ? { origin } : {})
    const socket = new RawSocket(ws, options.autoPong)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    return socket
  }

  /** Opens a socket and waits for `pusher:connection_established`. */
  static async open(server: ServerProcess, key: string, protocol = '7', origin?: string, options: SocketOptions = { autoPong: true }): Promise<RawSocket> {
    const socket = await RawSocket.connect(server, key, protocol, origin, options)
    const frame = await socket.next('pusher:connection_established')
    socket.established = JSON.parse(frame.data as string)
    return socket
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  /** Sends a frame as JSON. */
  send(frame: Frame): void {
    this.ws.send(JSON.stringify(frame))
  }

  /** Sends raw text or binary. */
  sendRaw(data: string | Buffer, binary = false): void {
    this.ws.send(data, { binary })
  }

  /** The next unread frame with this event name (frames before it are skipped). */
  async next(event: string, timeoutMs = 3_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const index = this.frames.findIndex((frame, i) => i >= this.cursor && frame.event === event)
      if (index >= 0) {
        this.cursor = index + 1
        return this.frames[index]!
      }
      if (Date.now() > deadline) throw new Error(`no ${event} within ${timeoutMs} ms; got ${JSON.stringify(this.frames.slice(this.cursor))}`)
      await new Promise(done => setTimeout(done, 10))
    }
  }

  /** Resolves with the close code once the server closes the socket. */
  async closedWith(timeoutMs = 3_000): Promise<{ code: number, reason: string }> {
    const deadline = Date.now() + timeoutMs
    while (!this.closeInfo) {
      if (Date.now() > deadline) throw new Error(`socket not closed within ${timeoutMs} ms`)
      await new Promise(done => setTimeout(done, 10))
    }
    return this.closeInfo
  }

  /** Stops reading from the network, like a client that hangs: the server's writes queue up. */
  pause(): void {
    this.ws.pause()
  }

  /** Reads again what queued up meanwhile. */
  resume(): void {
    this.ws.resume()
  }

  close(): void {
    this.ws.close()
  }
}
