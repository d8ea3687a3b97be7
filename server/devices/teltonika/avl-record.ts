// What a Teltonika AVL packet holds, as decoded bytes: records with GPS fields and IO elements.

export const CODEC_8 = 0x08
export const CODEC_8_EXTENDED = 0x8E
export const CODEC_12 = 0x0C

export type AvlCodec = typeof CODEC_8 | typeof CODEC_8_EXTENDED

/**
 * One IO element: `fixed` ones are 1, 2, 4 or 8 bytes long (their group says which); `variable` ones
 * (Codec 8 Extended only) carry their own length. Values stay raw bytes, big-endian as sent.
 */
export interface IoElement {
  id: number
  kind: 'fixed' | 'variable'
  bytes: Buffer
}

export interface AvlRecord {
  /** Milliseconds since the Unix epoch, as the tracker stamped the record. */
  timestamp: number
  priority: number
  /** Degrees × 10^7, signed. */
  longitudeE7: number
  latitudeE7: number
  /** Metres above sea level. */
  altitude: number
  /** Heading in degrees, 0 = north. */
  angle: number
  /** Satellites in use; 0 means the record has no GPS fix. */
  satellites: number
  /** km/h. */
  speed: number
  /** The IO element that caused the record (0 = periodic). */
  eventIoId: number
  io: IoElement[]
}

export interface AvlPacket {
  codec: AvlCodec
  records: AvlRecord[]
}

/** Most records one packet can carry: the count is one byte. */
export const MAX_RECORDS_PER_PACKET = 255

/** A packet or handshake that breaks the protocol; the connection answers nothing and closes. */
export class TeltonikaFormatError extends Error {
  override readonly name = 'TeltonikaFormatError'
}
