// Codec 8 and Codec 8 Extended encoder: what a tracker sends, for the simulator, the benchmark and tests.
import type { AvlPacket, AvlRecord } from './avl-record'
import { CODEC_8_EXTENDED } from './avl-record'
import { crc16Ibm } from './crc16'

/** The whole TCP packet: 4 zero bytes, data length, data (codec id … second count), CRC-16/IBM in 4 bytes. */
export function encodeAvlPacket(packet: AvlPacket): Buffer {
  return framePacketData(encodeAvlData(packet))
}

/** Wraps CRC-covered data into a packet with preamble, length and checksum. */
export function framePacketData(data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 4)
  const tail = Buffer.alloc(4)
  tail.writeUInt32BE(crc16Ibm(data), 0)
  return Buffer.concat([head, data, tail])
}

/** The CRC-covered part of a packet. */
export function encodeAvlData(packet: AvlPacket): Buffer {
  const count = Buffer.from([packet.records.length])
  return Buffer.concat([Buffer.from([packet.codec]), count, ...packet.records.map(record => encodeRecord(record, packet.codec === CODEC_8_EXTENDED)), count])
}

function encodeRecord(record: AvlRecord, extended: boolean): Buffer {
  const id = extended ? 2 : 1
  for (const element of record.io) {
    if (element.kind === 'variable' ? !extended : ![1, 2, 4, 8].includes(element.bytes.length)) throw new RangeError(`IO element ${element.id} cannot be encoded in this codec`)
  }
  const parts: Buffer[] = []
  const uint = (value: number, width: number) => {
    const buffer = Buffer.alloc(width)
    buffer.writeUIntBE(value, 0, width)
    parts.push(buffer)
  }
  const gps = Buffer.alloc(24)
  gps.writeBigUInt64BE(BigInt(record.timestamp), 0)
  gps.writeUInt8(record.priority, 8)
  gps.writeInt32BE(record.longitudeE7, 9)
  gps.writeInt32BE(record.latitudeE7, 13)
  gps.writeInt16BE(record.altitude, 17)
  gps.writeUInt16BE(record.angle, 19)
  gps.writeUInt8(record.satellites, 21)
  gps.writeUInt16BE(record.speed, 22)
  parts.push(gps)
  uint(record.eventIoId, id)
  uint(record.io.length, id)
  for (const width of [1, 2, 4, 8]) {
    const group = record.io.filter(element => element.kind === 'fixed' && element.bytes.length === width)
    uint(group.length, id)
    for (const element of group) {
      uint(element.id, id)
      parts.push(element.bytes)
    }
  }
  if (extended) {
    const group = record.io.filter(element => element.kind === 'variable')
    uint(group.length, 2)
    for (const element of group) {
      uint(element.id, 2)
      uint(element.bytes.length, 2)
      parts.push(element.bytes)
    }
  }
  return Buffer.concat(parts)
}
