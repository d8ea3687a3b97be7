// Refuses oversized MQTT packets before they are buffered: MQTT 3.1.1 lets a packet announce up to 256 MB,
// and the broker's parser would hold all of it. This reads only the fixed headers of the bytes going by.

/** Follows packet boundaries in a byte stream and reports the first packet announcing more than `maxBytes`. */
export class PacketSizeGuard {
  private state: 'type' | 'length' | 'body' = 'type'
  private length = 0
  private multiplier = 1
  private remaining = 0

  constructor(private readonly maxBytes: number) {}

  /** Reads `chunk`; returns the announced size of an oversized packet (or a malformed length: Infinity), else null. */
  inspect(chunk: Uint8Array): number | null {
    let index = 0
    while (index < chunk.length) {
      if (this.state === 'body') {
        const skipped = Math.min(this.remaining, chunk.length - index)
        this.remaining -= skipped
        index += skipped
        if (this.remaining === 0) this.state = 'type'
        continue
      }
      const byte = chunk[index++]!
      if (this.state === 'type') {
        Object.assign(this, { state: 'length', length: 0, multiplier: 1 })
        continue
      }
      this.length += (byte & 0x7F) * this.multiplier
      if (byte & 0x80) {
        this.multiplier *= 128
        // The remaining length has at most four bytes.
        if (this.multiplier > 128 ** 3) return Infinity
        continue
      }
      if (this.length > this.maxBytes) return this.length
      this.remaining = this.length
      this.state = this.remaining === 0 ? 'type' : 'body'
    }
    return null
  }
}
