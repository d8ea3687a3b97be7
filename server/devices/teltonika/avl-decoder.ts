// Codec 8 and Codec 8 Extended decoder: the CRC-covered part of an AVL packet (codec id … second count) into records.
import type { AvlCodec, AvlPacket, AvlRecord, IoElement } from './avl-record'
import { CODEC_8, CODEC_8_EXTENDED, TeltonikaFormatError } from './avl-record'
import { ByteReader } from './byte-reader'

const FIXED_WIDTHS = [1, 2, 4, 8] as const

/**
 * Decodes `data` (from the codec id to the second record count). Throws TeltonikaFormatError when the
 * codec is not 8/8E, the bytes end early or run on, or the two record counts differ.
 */
export function decodeAvlData(data: Buffer): AvlPacket {
  const reader = new ByteReader(data)
  const codec = reader.uint(1)
  if (codec !== CODEC_8 && codec !== CODEC_8_EXTENDED) throw new TeltonikaFormatError(`codec 0x${codec.toString(16)} is not an AVL codec`)
  const count = reader.uint(1)
  const records: AvlRecord[] = []
  for (let index = 0; index < count; index++) records.push(decodeRecord(reader, codec))
  const countAgain = reader.uint(1)
  if (countAgain !== count) throw new TeltonikaFormatError(`record counts differ (${count} and ${countAgain})`)
  if (reader.remaining !== 0) throw new TeltonikaFormatError(`${reader.remaining} bytes follow the records`)
  return { codec, records }
}

function decodeRecord(reader: ByteReader, codec: AvlCodec): AvlRecord {
  // Codec 8 Extended widens IO ids and counts from one byte to two.
  const idWidth = codec === CODEC_8_EXTENDED ? 2 : 1
  const timestamp = reader.uint64('timestamp')
  const priority = reader.uint(1)
  const longitudeE7 = reader.int(4)
  const latitudeE7 = reader.int(4)
  const altitude = reader.int(2)
  const angle = reader.uint(2)
  const satellites = reader.uint(1)
  const speed = reader.uint(2)
  const eventIoId = reader.uint(idWidth)
  const total = reader.uint(idWidth)
  const io: IoElement[] = []
  for (const width of FIXED_WIDTHS) {
    const inGroup = reader.uint(idWidth)
    for (let i = 0; i < inGroup; i++) io.push({ id: reader.uint(idWidth), kind: 'fixed', bytes: reader.bytes(width) })
  }
  if (codec === CODEC_8_EXTENDED) {
    const inGroup = reader.uint(2)
    for (let i = 0; i < inGroup; i++) {
      const id = reader.uint(2)
      io.push({ id, kind: 'variable', bytes: reader.bytes(reader.uint(2)) })
    }
  }
  if (total !== io.length) throw new TeltonikaFormatError(`record says ${total} IO elements but holds ${io.length}`)
  return { timestamp, priority, longitudeE7, latitudeE7, altitude, angle, satellites, speed, eventIoId, io }
}
