// A cursor over a buffer that refuses to read past its end with a TeltonikaFormatError, never a RangeError.
import { TeltonikaFormatError } from './avl-record'

export class ByteReader {
  private offset = 0

  constructor(private readonly buffer: Buffer) {}

  /** Bytes not read yet. */
  get remaining(): number {
    return this.buffer.length - this.offset
  }

  /** An unsigned big-endian integer of 1, 2 or 4 bytes. */
  uint(width: 1 | 2 | 4): number {
    const at = this.take(width)
    return this.buffer.readUIntBE(at, width)
  }

  /** A signed big-endian integer of 2 or 4 bytes. */
  int(width: 2 | 4): number {
    const at = this.take(width)
    return this.buffer.readIntBE(at, width)
  }

  /** An unsigned 64-bit integer that must fit a JavaScript number exactly. */
  uint64(field: string): number {
    const value = this.buffer.readBigUInt64BE(this.take(8))
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new TeltonikaFormatError(`${field} is out of range`)
    return Number(value)
  }

  /** A copy of the next `length` bytes. */
  bytes(length: number): Buffer {
    const at = this.take(length)
    return Buffer.from(this.buffer.subarray(at, at + length))
  }

  private take(length: number): number {
    if (length > this.remaining) throw new TeltonikaFormatError(`packet ends ${length - this.remaining} bytes early`)
    const at = this.offset
    this.offset += length
    return at
  }
}
