// A raw TCP client that acts as a Teltonika tracker: handshake, AVL packets, reads the server's answers byte by byte.
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import type { AvlRecord } from '../../server/devices/teltonika/avl-record'

export class TrackerClient {
  private received = Buffer.alloc(0)
  private ended = false

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => { this.received = Buffer.concat([this.received, chunk]) })
    socket.on('close', () => { this.ended = true })
    socket.on('error', () => undefined)
  }

  /** Opens a connection to the listener on 127.0.0.1. */
  static open(port: number): Promise<TrackerClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new TrackerClient(socket)))
      socket.once('error', reject)
    })
  }

  /** Sends the IMEI handshake and returns the server's one-byte answer (1 accepted, 0 refused). */
  async handshake(imei: string, timeoutMs = 10_000): Promise<number> {
    const head = Buffer.alloc(2)
    head.writeUInt16BE(imei.length)
    this.write(Buffer.concat([head, Buffer.from(imei, 'ascii')]))
    return (await this.read(1, timeoutMs))[0]!
  }

  write(bytes: Buffer): void {
    this.socket.write(bytes)
  }

  /** The next `length` bytes the server sent; throws after `timeoutMs` (a bound, not a speed check). */
  async read(length: number, timeoutMs = 10_000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs
    while (this.received.length < length) {
      if (this.ended) throw new Error(`connection closed after ${this.received.length} of ${length} bytes`)
      if (Date.now() > deadline) throw new Error(`no ${length} bytes from the server within ${timeoutMs} ms`)
      await new Promise(done => setTimeout(done, 10))
    }
    const bytes = this.received.subarray(0, length)
    this.received = this.received.subarray(length)
    return bytes
  }

  /** The next 4-byte acknowledgement: the number of records the server stored. */
  async ack(timeoutMs = 10_000): Promise<number> {
    return (await this.read(4, timeoutMs)).readUInt32BE(0)
  }

  /** Resolves once the server closed the connection, within `timeoutMs`. */
  async closedByServer(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error('the server kept the connection open')
      await new Promise(done => setTimeout(done, 10))
    }
  }

  close(): void {
    this.socket.destroy()
  }
}

/** A record with a GPS fix at `lat`, `lon` stamped `at`, as a tracker fills it. */
export function fixRecord(at: Date, lat: number, lon: number, extra: Partial<AvlRecord> = {}): AvlRecord {
  return {
    timestamp: at.getTime(), priority: 0, longitudeE7: Math.round(lon * 1e7), latitudeE7: Math.round(lat * 1e7),
    altitude: 12, angle: 90, satellites: 9, speed: 42, eventIoId: 0, io: [], ...extra,
  }
}
