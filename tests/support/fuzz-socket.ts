// A `ws` client for fuzzing: sends any frame, counts the server's errors and closes, and syncs on a marker channel.
import { WebSocket } from 'ws'
import type { FuzzFrame } from './pusher-frame-arbitraries'
import type { ServerProcess } from './server-process'
import { TEST_APP } from './server-process'

export class FuzzSocket {
  socketId = ''
  closeCode: number | null = null
  /** `pusher:error` frames received, by code (`none` for errors without one). */
  readonly errors = new Map<string, number>()
  private readonly answered = new Set<string>()

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw: Buffer) => {
      const frame = JSON.parse(raw.toString()) as { event: string, channel?: string, data?: string }
      if (frame.event === 'pusher:connection_established') this.socketId = (JSON.parse(frame.data!) as { socket_id: string }).socket_id
      if (frame.event === 'pusher:ping') ws.send('{"event":"pusher:pong","data":{}}')
      if (frame.event === 'pusher:error') {
        const code = String((JSON.parse(frame.data!) as { code: number | null }).code ?? 'none')
        this.errors.set(code, (this.errors.get(code) ?? 0) + 1)
      }
      if (frame.channel?.startsWith('sync-') && (frame.event === 'pusher_internal:subscription_succeeded' || frame.event === 'pusher:subscription_error')) {
        this.answered.add(frame.channel)
      }
    })
    ws.on('close', (code) => { this.closeCode = code })
    ws.on('error', () => undefined)
  }

  /** Opens a socket and waits for its socket id. */
  static async open(server: ServerProcess, timeoutMs = 5_000): Promise<FuzzSocket> {
    const socket = new FuzzSocket(new WebSocket(`ws://127.0.0.1:${server.port}/app/${TEST_APP.key}?protocol=7`))
    const deadline = Date.now() + timeoutMs
    while (!socket.socketId) {
      if (Date.now() > deadline || socket.closeCode !== null) throw new Error(`no connection_established (close ${socket.closeCode})`)
      await new Promise(done => setTimeout(done, 5))
    }
    return socket
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN
  }

  /** Sends one fuzz frame as it is meant to go on the wire. */
  send(frame: FuzzFrame): void {
    if (frame.kind === 'binary') this.ws.send(frame.bytes, { binary: true })
    else if (frame.kind === 'invalid-utf8') this.ws.send(frame.bytes, { binary: false })
    else if (frame.kind === 'oversized') this.ws.send('x'.repeat(frame.size))
    else this.ws.send(frame.text(this.socketId))
  }

  /**
   * Subscribes to the marker channel and waits until the server answers for it (everything sent before has
   * been handled) or closes the socket; throws when neither happens, which means the socket hangs.
   */
  async sync(marker: string, timeoutMs = 15_000): Promise<'answered' | 'closed'> {
    if (this.isOpen) this.ws.send(JSON.stringify({ event: 'pusher:subscribe', data: { channel: marker } }))
    const deadline = Date.now() + timeoutMs
    for (;;) {
      if (this.answered.has(marker)) return 'answered'
      if (this.closeCode !== null) return 'closed'
      if (Date.now() > deadline) throw new Error(`socket ${this.socketId} neither answered ${marker} nor closed within ${timeoutMs} ms`)
      await new Promise(done => setTimeout(done, 2))
    }
  }

  /** Closes from the client side and waits for the close to complete. */
  async close(): Promise<void> {
    if (this.closeCode !== null) return
    this.ws.close()
    while (this.closeCode === null) await new Promise(done => setTimeout(done, 5))
  }
}
