import { describe, expect, it } from 'vitest'
import { rawRegisterValue, scaledValue } from '../../../../../server/devices/modbus/decode'

function floatWords(value: number): [number, number] {
  const bytes = Buffer.alloc(4)
  bytes.writeFloatBE(value, 0)
  return [bytes.readUInt16BE(0), bytes.readUInt16BE(2)]
}

describe('Modbus value decoding', () => {
  it('reads 16-bit registers unsigned or as two\'s complement', () => {
    expect(rawRegisterValue([0xFFFE], { dataType: 'uint16', wordOrder: 'big' })).toBe(65534)
    expect(rawRegisterValue([0xFFFE], { dataType: 'int16', wordOrder: 'big' })).toBe(-2)
    expect(rawRegisterValue([0x7FFF], { dataType: 'int16', wordOrder: 'big' })).toBe(32767)
  })

  it('puts the high word first in big word order and the low word first in little word order', () => {
    expect(rawRegisterValue([0x0001, 0x0002], { dataType: 'uint32', wordOrder: 'big' })).toBe(0x00010002)
    expect(rawRegisterValue([0x0002, 0x0001], { dataType: 'uint32', wordOrder: 'little' })).toBe(0x00010002)
    expect(rawRegisterValue([0xFFFF, 0xFFFF], { dataType: 'uint32', wordOrder: 'big' })).toBe(4294967295)
  })

  it('reads int32 as signed across both words', () => {
    expect(rawRegisterValue([0xFFFF, 0xFFFE], { dataType: 'int32', wordOrder: 'big' })).toBe(-2)
    expect(rawRegisterValue([0xFFFE, 0xFFFF], { dataType: 'int32', wordOrder: 'little' })).toBe(-2)
    expect(rawRegisterValue([0x8000, 0x0000], { dataType: 'int32', wordOrder: 'big' })).toBe(-2147483648)
  })

  it('reads IEEE 754 float32 in either word order', () => {
    const [high, low] = floatWords(21.5)
    expect(rawRegisterValue([high, low], { dataType: 'float32', wordOrder: 'big' })).toBe(21.5)
    expect(rawRegisterValue([low, high], { dataType: 'float32', wordOrder: 'little' })).toBe(21.5)
    expect(rawRegisterValue(floatWords(-0.15625), { dataType: 'float32', wordOrder: 'big' })).toBe(-0.15625)
  })

  it('reads a coil bit as 0 or 1', () => {
    expect(rawRegisterValue([1], { dataType: 'bool', wordOrder: 'big' })).toBe(1)
    expect(rawRegisterValue([0], { dataType: 'bool', wordOrder: 'big' })).toBe(0)
  })

  it('scales then offsets: raw × scale + offset', () => {
    expect(scaledValue(215, { scale: 0.1, offset: -20 })).toBeCloseTo(1.5, 10)
    expect(scaledValue(1, { scale: 1, offset: 0 })).toBe(1)
  })
})
