// Property tests of the AVL codec: records survive encode -> frame -> decode, and no byte soup escapes as anything but a TeltonikaFormatError.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeAvlData } from '../../../../../server/devices/teltonika/avl-decoder'
import { encodeAvlPacket } from '../../../../../server/devices/teltonika/avl-encoder'
import { TeltonikaFormatError } from '../../../../../server/devices/teltonika/avl-record'
import { decodeCommandResponse } from '../../../../../server/devices/teltonika/codec12'
import { FrameReader } from '../../../../../server/devices/teltonika/frame-reader'
import { avlPacket } from './avl-arbitraries'

/** Runs `work`; true when it returned or threw a TeltonikaFormatError, false for any other error. */
function failsOnlyAsFormatError(work: () => unknown): boolean {
  try {
    work()
    return true
  }
  catch (error) {
    return error instanceof TeltonikaFormatError
  }
}

describe('AVL codec properties', () => {
  it('decodes every encoded packet back to the same records, through the frame reader, in segments of any size', () => {
    fc.assert(fc.property(avlPacket(), fc.integer({ min: 1, max: 64 }), (packet, segment) => {
      const bytes = encodeAvlPacket(packet)
      const reader = new FrameReader()
      reader.push(Buffer.from('000f333536333037303432343431303133', 'hex'))
      const frames = []
      for (let at = 0; at < bytes.length; at += segment) frames.push(...reader.push(bytes.subarray(at, at + segment)))
      expect(frames).toHaveLength(1)
      const frame = frames[0]!
      expect(frame.kind === 'packet' && frame.crcValid).toBe(true)
      if (frame.kind === 'packet') expect(decodeAvlData(frame.data)).toEqual(packet)
    }), { numRuns: 300 })
  })

  it('throws nothing but TeltonikaFormatError on random data', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (array) => {
      const data = Buffer.from(array)
      expect(failsOnlyAsFormatError(() => decodeAvlData(data))).toBe(true)
      expect(failsOnlyAsFormatError(() => decodeCommandResponse(data))).toBe(true)
    }), { numRuns: 2000 })
  })

  it('throws nothing but TeltonikaFormatError on a valid packet with one byte changed', () => {
    fc.assert(fc.property(avlPacket(3), fc.nat(), fc.integer({ min: 1, max: 255 }), (packet, where, delta) => {
      const data = encodeAvlPacket(packet).subarray(8, -4)
      const mutated = Buffer.from(data)
      mutated[where % mutated.length] = (mutated[where % mutated.length]! + delta) & 0xFF
      expect(failsOnlyAsFormatError(() => decodeAvlData(mutated))).toBe(true)
    }), { numRuns: 1000 })
  })

  it('frames random streams or refuses them with a TeltonikaFormatError, never another error', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), (chunks) => {
      const reader = new FrameReader()
      expect(failsOnlyAsFormatError(() => chunks.forEach(chunk => reader.push(Buffer.from(chunk))))).toBe(true)
    }), { numRuns: 2000 })
  })
})
