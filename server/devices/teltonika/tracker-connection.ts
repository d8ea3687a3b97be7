// One tracker's TCP connection: handshake, then packets stored in order and acknowledged only once stored.
import type { PositionInput } from '../../domain/vehicles/position-schema'
import type { TrackedVehicle } from '../../domain/vehicles/vehicle-by-imei'
import { decodeAvlData } from './avl-decoder'
import { CODEC_12, TeltonikaFormatError } from './avl-record'
import { decodeCommandResponse } from './codec12'
import type { TeltonikaFrame } from './frame-reader'
import { FrameReader } from './frame-reader'
import type { HandshakeRefusals } from './handshake-refusals'
import { recordInput } from './record-input'

/** What a connection needs from the rest of the server (the domain in production, recorders in tests). */
export interface TrackerBackend {
  /** The vehicle that has this IMEI, or null. */
  identify: (imei: string) => Promise<TrackedVehicle | null>
  /** Stores the positions in one transaction; resolves once committed, rejects when nothing was stored. */
  store: (vehicle: TrackedVehicle, positions: Array<PositionInput & { at: string }>) => Promise<void>
  /** Called when the tracker answered a Codec 12 command. */
  commandResponse: (vehicle: TrackedVehicle, text: string) => Promise<void>
}

/** The parts of a net.Socket a connection uses. */
export interface TrackerSocket {
  write: (bytes: Buffer) => unknown
  end: () => unknown
  destroy: () => unknown
  pause: () => unknown
  resume: () => unknown
}

export interface TrackerConnectionOptions {
  address: string
  refusals: HandshakeRefusals
  log: (message: string) => void
  now?: () => Date
  /** Called once the handshake named a known vehicle (commands can then be sent). */
  onIdentified?: (vehicle: TrackedVehicle, imei: string) => void
}

const ACCEPT = Buffer.from([0x01])
const REFUSE = Buffer.from([0x00])

export class TrackerConnection {
  private readonly reader = new FrameReader()
  private readonly queue: TeltonikaFrame[] = []
  private draining: Promise<void> | null = null
  private vehicle: TrackedVehicle | null = null
  private imei = ''
  private closed = false

  constructor(private readonly socket: TrackerSocket, private readonly backend: TrackerBackend, private readonly options: TrackerConnectionOptions) {}

  /** Takes bytes from the socket; never throws (a protocol error closes the connection). */
  receive(chunk: Buffer): void {
    if (this.closed) return
    try {
      this.queue.push(...this.reader.push(chunk))
    }
    catch (error) {
      this.fail(error)
      return
    }
    if (!this.draining && this.queue.length > 0) this.draining = this.drain()
  }

  /** Resolves once every frame received so far has been handled (tests wait on it). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining
  }

  /** Marks the connection gone (the socket closed); frames still queued are dropped. */
  close(): void {
    this.closed = true
    this.queue.length = 0
  }

  /** Sends bytes to the tracker unless the connection is closed; false when it was. */
  send(bytes: Buffer): boolean {
    if (this.closed) return false
    this.socket.write(bytes)
    return true
  }

  private async drain(): Promise<void> {
    // Reading stops while frames are handled: a fast tracker cannot make the server buffer without bound.
    this.socket.pause()
    try {
      while (this.queue.length > 0 && !this.closed) await this.handle(this.queue.shift()!)
    }
    catch (error) {
      this.fail(error)
    }
    finally {
      this.draining = null
      if (!this.closed) this.socket.resume()
    }
  }

  private async handle(frame: TeltonikaFrame): Promise<void> {
    if (frame.kind === 'keepalive') return
    if (frame.kind === 'imei') return this.handshake(frame.imei)
    if (!this.vehicle) throw new TeltonikaFormatError('packet before the handshake')
    if (!frame.crcValid) {
      this.options.log(`Teltonika ${this.imei} (${this.options.address}): CRC mismatch, packet not acknowledged`)
      return
    }
    if (frame.data[0] === CODEC_12) return this.backend.commandResponse(this.vehicle, decodeCommandResponse(frame.data))
    await this.storePacket(this.vehicle, frame.data)
  }

  private async handshake(imei: string): Promise<void> {
    const { address, refusals, log } = this.options
    const vehicle = /^\d{1,20}$/.test(imei) && !refusals.blocked(address) ? await this.backend.identify(imei) : null
    if (!vehicle) {
      if (refusals.record(address)) log(`Teltonika handshake refused: IMEI ${JSON.stringify(imei.slice(0, 24))} from ${address} belongs to no vehicle`)
      this.closed = true
      this.socket.write(REFUSE)
      this.socket.end()
      return
    }
    this.vehicle = vehicle
    this.imei = imei
    this.socket.write(ACCEPT)
    this.options.onIdentified?.(vehicle, imei)
  }

  private async storePacket(vehicle: TrackedVehicle, data: Buffer): Promise<void> {
    const packet = decodeAvlData(data)
    const now = this.options.now?.() ?? new Date()
    const inputs: Array<PositionInput & { at: string }> = []
    for (const record of packet.records) {
      const result = recordInput(vehicle.id, record, now)
      if (result.ok) inputs.push(result.input)
      else this.options.log(`Teltonika ${this.imei}: record of ${new Date(Math.min(record.timestamp, 8.64e15)).toISOString()} skipped: ${result.reason}`)
    }
    try {
      if (inputs.length > 0) await this.backend.store(vehicle, inputs)
    }
    catch (error) {
      // Not acknowledged: the tracker keeps the records and sends them again.
      this.options.log(`Teltonika ${this.imei}: ${packet.records.length} records not stored: ${(error as Error).message}`)
      return
    }
    const ack = Buffer.alloc(4)
    ack.writeUInt32BE(packet.records.length)
    this.send(ack)
  }

  private fail(error: unknown): void {
    if (this.closed) return
    this.closed = true
    this.queue.length = 0
    const reason = error instanceof TeltonikaFormatError ? error.message : `unexpected error: ${(error as Error)?.message}`
    this.options.log(`Teltonika ${this.imei || 'connection'} (${this.options.address}) closed: ${reason}`)
    this.socket.destroy()
  }
}
