import { describe, expect, it } from 'vitest'
import { decodeAvlData } from '../../../../../server/devices/teltonika/avl-decoder'
import { TeltonikaFormatError } from '../../../../../server/devices/teltonika/avl-record'
import { FrameReader } from '../../../../../server/devices/teltonika/frame-reader'
import { HANDSHAKE_123456789012345, TELTONIKA_CODEC8_EXAMPLE, TELTONIKA_CODEC8E_EXAMPLE, TRACCAR_AVL_PACKETS } from './public-vectors'

/** The CRC-covered data of a whole packet given in hex (preamble, length and CRC stripped). */
function dataOf(hex: string): Buffer {
  const packet = Buffer.from(hex, 'hex')
  return packet.subarray(8, 8 + packet.readUInt32BE(4))
}

const hexIo = (packet: ReturnType<typeof decodeAvlData>) => packet.records[0]!.io.map(({ id, kind, bytes }) => [id, kind, bytes.toString('hex')])

describe('decodeAvlData', () => {
  it('decodes Teltonika\'s Codec 8 example: time, priority, event and every IO group', () => {
    const packet = decodeAvlData(dataOf(TELTONIKA_CODEC8_EXAMPLE))
    expect(packet.codec).toBe(0x08)
    expect(packet.records).toHaveLength(1)
    const { io: _io, ...record } = packet.records[0]!
    expect(record).toEqual({ timestamp: Date.parse('2019-06-10T10:04:46Z'), priority: 1, longitudeE7: 0, latitudeE7: 0, altitude: 0, angle: 0, satellites: 0, speed: 0, eventIoId: 1 })
    expect(hexIo(packet)).toEqual([[21, 'fixed', '03'], [1, 'fixed', '01'], [66, 'fixed', '5e0f'], [241, 'fixed', '0000601a'], [78, 'fixed', '0000000000000000']])
  })

  it('decodes Teltonika\'s Codec 8 Extended example with two-byte IO ids and counts', () => {
    const packet = decodeAvlData(dataOf(TELTONIKA_CODEC8E_EXAMPLE))
    expect(packet.codec).toBe(0x8E)
    expect(packet.records[0]!.timestamp).toBe(Date.parse('2019-06-10T11:36:32Z'))
    expect(packet.records[0]!.eventIoId).toBe(1)
    expect(hexIo(packet)).toEqual([[1, 'fixed', '01'], [17, 'fixed', '001d'], [16, 'fixed', '015e2c88'], [11, 'fixed', '000000003544c87a'], [14, 'fixed', '000000001dd7e06a']])
  })

  it('reads longitude before latitude, both signed, and a negative altitude (Traccar packet)', () => {
    const record = decodeAvlData(dataOf(TRACCAR_AVL_PACKETS.find(hex => hex.startsWith('000000000000002b0801'))!)).records[0]!
    expect(record).toMatchObject({ longitudeE7: 214_327_760, latitudeE7: 376_743_392, altitude: -4, angle: 0, satellites: 9, speed: 0 })
    expect(record.io.map(element => element.id)).toEqual([1, 240, 66, 24])
    expect(record.io[2]!.bytes.readUInt16BE(0)).toBe(12_835)
  })

  it('reads Codec 8 Extended variable-length IO elements (a VIN in a Traccar packet)', () => {
    const packet = decodeAvlData(dataOf(TRACCAR_AVL_PACKETS.find(hex => hex.startsWith('00000000000000818e01'))!))
    const variable = packet.records[0]!.io.filter(element => element.kind === 'variable')
    expect(variable.map(element => [element.id, element.bytes.toString('ascii')])).toEqual([[256, '1A1JC5444R7252367']])
  })

  it.each(TRACCAR_AVL_PACKETS.map((hex, index) => [index, hex]))('decodes Traccar packet %i whole, every record, with a valid CRC', (_index, hex) => {
    const reader = new FrameReader()
    const frames = reader.push(Buffer.from(HANDSHAKE_123456789012345 + hex, 'hex'))
    expect(frames[0]).toEqual({ kind: 'imei', imei: '123456789012345' })
    const frame = frames[1]!
    expect(frame.kind === 'packet' && frame.crcValid).toBe(true)
    if (frame.kind !== 'packet') return
    const packet = decodeAvlData(frame.data)
    expect(packet.records).toHaveLength(frame.data[1]!)
    for (const record of packet.records) expect(Math.abs(record.latitudeE7)).toBeLessThanOrEqual(900_000_000)
  })

  it('refuses data whose two record counts differ', () => {
    const data = Buffer.from(dataOf(TELTONIKA_CODEC8_EXAMPLE))
    data[data.length - 1] = 2
    expect(() => decodeAvlData(data)).toThrow(/record counts differ/)
  })

  it('refuses data that ends inside a record, with a TeltonikaFormatError', () => {
    const data = dataOf(TELTONIKA_CODEC8_EXAMPLE).subarray(0, 20)
    expect(() => decodeAvlData(data)).toThrow(TeltonikaFormatError)
  })

  it('refuses a codec that is not 8 or 8 Extended', () => {
    expect(() => decodeAvlData(Buffer.from('100000', 'hex'))).toThrow(/codec 0x10/)
  })

  it('refuses a record whose IO total disagrees with its groups', () => {
    const data = Buffer.from(dataOf(TELTONIKA_CODEC8_EXAMPLE))
    data[27] = 4
    expect(() => decodeAvlData(data)).toThrow(/4 IO elements but holds 5/)
  })
})
