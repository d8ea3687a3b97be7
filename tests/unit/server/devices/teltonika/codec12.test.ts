import { describe, expect, it } from 'vitest'
import { decodeCommandResponse, encodeCommand, encodeCommandResponse } from '../../../../../server/devices/teltonika/codec12'
import { TeltonikaFormatError } from '../../../../../server/devices/teltonika/avl-record'

describe('Codec 12', () => {
  it('encodes "setdigout 11" byte for byte as Traccar\'s encoder test expects', () => {
    expect(encodeCommand('setdigout 11').toString('hex')).toBe('00000000000000140c01050000000c7365746469676f7574203131010000bed5')
  })

  it('decodes a tracker\'s text response from Traccar\'s decoder test', () => {
    const packet = Buffer.from('000000000000002d0c01060000002523464d323d3236323033323736313732313339362c32363230332c30372e30322e30350d0a0100009a2e', 'hex')
    expect(decodeCommandResponse(packet.subarray(8, packet.length - 4))).toBe('#FM2=262032761721396,26203,07.02.05\r\n')
  })

  it('decodes the response it encodes', () => {
    const packet = encodeCommandResponse('DOUT1:1 Timeout:Infinity')
    expect(decodeCommandResponse(packet.subarray(8, packet.length - 4))).toBe('DOUT1:1 Timeout:Infinity')
  })

  it('refuses a command (type 5) where a response (type 6) is expected', () => {
    const packet = encodeCommand('getinfo')
    expect(() => decodeCommandResponse(packet.subarray(8, packet.length - 4))).toThrow(TeltonikaFormatError)
  })
})
