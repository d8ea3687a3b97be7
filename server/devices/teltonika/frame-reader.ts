// Splits a tracker's TCP byte stream into frames, however the network cut or joined its segments:
// the IMEI handshake, 0xFF keepalives and CRC-checked packets (AVL or Codec 12).
import { TeltonikaFormatError } from './avl-record'
import { crc16Ibm } from './crc16'

/** Largest data length accepted (255 records of Codec 8 Extended with large IO values fit easily). */
export const MAX_PACKET_DATA_LENGTH = 256 * 1024

const KEEPALIVE = 0xFF
const MAX_IMEI_LENGTH = 64

export type TeltonikaFrame =
  | { kind: 'imei', imei: string }
  | { kind: 'keepalive' }
  /** `data` runs from the codec id to the second count; `crcValid` says whether its CRC-16/IBM matched. */
  | { kind: 'packet', data: Buffer, crcValid: boolean }

export class FrameReader {
  private pending: Buffer = Buffer.alloc(0)
  private identified = false

  /** Bytes received but not yet part of a whole frame. */
  get buffered(): number {
    return this.pending.length
  }

  /** The frames completed by `chunk`, in order; TeltonikaFormatError when the stream breaks the protocol. */
  push(chunk: Buffer): TeltonikaFrame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk])
    const frames: TeltonikaFrame[] = []
    for (;;) {
      const frame = this.next()
      if (!frame) return frames
      frames.push(frame)
    }
  }

  private next(): TeltonikaFrame | null {
    const bytes = this.pending
    if (bytes.length === 0) return null
    if (bytes[0] === KEEPALIVE) return this.consume(1, { kind: 'keepalive' })
    return this.identified ? this.nextPacket(bytes) : this.nextImei(bytes)
  }

  private nextImei(bytes: Buffer): TeltonikaFrame | null {
    if (bytes.length < 2) return null
    const length = bytes.readUInt16BE(0)
    if (length === 0 || length > MAX_IMEI_LENGTH) throw new TeltonikaFormatError(`IMEI length ${length} is out of range`)
    if (bytes.length < 2 + length) return null
    this.identified = true
    return this.consume(2 + length, { kind: 'imei', imei: bytes.toString('latin1', 2, 2 + length) })
  }

  private nextPacket(bytes: Buffer): TeltonikaFrame | null {
    // Check the preamble as soon as it arrives, so garbage is refused without waiting for more of it.
    const preamble = Math.min(bytes.length, 4)
    for (let i = 0; i < preamble; i++) if (bytes[i] !== 0) throw new TeltonikaFormatError('packet does not start with 4 zero bytes')
    if (bytes.length < 8) return null
    const length = bytes.readUInt32BE(4)
    if (length < 3 || length > MAX_PACKET_DATA_LENGTH) throw new TeltonikaFormatError(`data length ${length} is out of range`)
    if (bytes.length < 8 + length + 4) return null
    const data = Buffer.from(bytes.subarray(8, 8 + length))
    const crcValid = bytes.readUInt32BE(8 + length) === crc16Ibm(data)
    return this.consume(8 + length + 4, { kind: 'packet', data, crcValid })
  }

  private consume(length: number, frame: TeltonikaFrame): TeltonikaFrame {
    this.pending = this.pending.subarray(length)
    return frame
  }
}
