import { describe, expect, it } from 'vitest'
import { encodeCommandResponse } from '../../../../../server/devices/teltonika/codec12'
import { FrameReader } from '../../../../../server/devices/teltonika/frame-reader'
import { HANDSHAKE_123456789012345, TELTONIKA_CODEC8_EXAMPLE, TELTONIKA_CODEC8E_EXAMPLE, TRACCAR_BAD_CRC_PACKET } from './public-vectors'

const bytes = (hex: string) => Buffer.from(hex, 'hex')

/** A reader past the handshake. */
function identifiedReader(): FrameReader {
  const reader = new FrameReader()
  reader.push(bytes(HANDSHAKE_123456789012345))
  return reader
}

describe('FrameReader', () => {
  it('reads the IMEI handshake even one byte at a time', () => {
    const reader = new FrameReader()
    const frames = [...bytes(HANDSHAKE_123456789012345)].flatMap(byte => reader.push(Buffer.from([byte])))
    expect(frames).toEqual([{ kind: 'imei', imei: '123456789012345' }])
  })

  it('reads a 0xFF keepalive before the handshake, as Traccar\'s frame test sends it', () => {
    expect(new FrameReader().push(bytes(`ff${HANDSHAKE_123456789012345}`)).map(frame => frame.kind)).toEqual(['keepalive', 'imei'])
  })

  it('joins a packet split into segments of every size', () => {
    const packet = bytes(TELTONIKA_CODEC8E_EXAMPLE)
    for (let cut = 1; cut < packet.length; cut++) {
      const reader = identifiedReader()
      expect(reader.push(packet.subarray(0, cut))).toEqual([])
      const frames = reader.push(packet.subarray(cut))
      expect(frames).toHaveLength(1)
      expect(frames[0]).toMatchObject({ kind: 'packet', crcValid: true })
      expect(reader.buffered).toBe(0)
    }
  })

  it('splits several packets and keepalives that arrive in one segment', () => {
    const segment = Buffer.concat([bytes(TELTONIKA_CODEC8_EXAMPLE), bytes('ff'), bytes(TELTONIKA_CODEC8E_EXAMPLE), encodeCommandResponse('ok')])
    const frames = identifiedReader().push(segment)
    expect(frames.map(frame => frame.kind === 'packet' ? frame.data[0] : frame.kind)).toEqual([0x08, 'keepalive', 0x8E, 0x0C])
  })

  it('flags a packet whose CRC does not match instead of dropping the connection', () => {
    expect(identifiedReader().push(bytes(TRACCAR_BAD_CRC_PACKET))).toMatchObject([{ kind: 'packet', crcValid: false }])
  })

  it('refuses a stream whose packet does not start with four zero bytes, as soon as the first byte arrives', () => {
    expect(() => identifiedReader().push(bytes('01'))).toThrow(/4 zero bytes/)
  })

  it('refuses a data length larger than any packet before buffering it', () => {
    expect(() => identifiedReader().push(bytes('0000000000ffffff'))).toThrow(/data length/)
  })

  it('refuses an IMEI length of zero or beyond 64', () => {
    expect(() => new FrameReader().push(bytes('0000'))).toThrow(/IMEI length/)
    expect(() => new FrameReader().push(bytes('0041'))).toThrow(/IMEI length/)
  })
})
