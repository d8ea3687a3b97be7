import { describe, expect, it } from 'vitest'
import { crc16Ibm } from '../../../../../server/devices/teltonika/crc16'

describe('crc16Ibm', () => {
  it('gives the CRC-16/ARC check value 0xBB3D for "123456789"', () => {
    expect(crc16Ibm(Buffer.from('123456789', 'ascii'))).toBe(0xBB3D)
  })

  it('is 0 for no bytes', () => {
    expect(crc16Ibm(Buffer.alloc(0))).toBe(0)
  })

  it('matches the checksum of Teltonika\'s Codec 8 example packet (0xC7CF)', () => {
    const packet = Buffer.from('08010000016b40d8ea30010000000000000000000000000000000105021503010101425e0f01f10000601a014e000000000000000001', 'hex')
    expect(crc16Ibm(packet)).toBe(0xC7CF)
  })
})
