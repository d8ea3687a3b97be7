// The simulated device's memory: values laid out by type and word order, reads outside the bank refused.
import { describe, expect, it } from 'vitest'
import { ILLEGAL_DATA_ADDRESS, ModbusException, RegisterBank } from '../../../../../server/simulator/modbus/register-bank'
import type { RegisterLayout } from '../../../../../server/simulator/modbus/register-layout'

const holding = (register: number, dataType: RegisterLayout['dataType'], wordOrder: RegisterLayout['wordOrder'] = 'big'): RegisterLayout =>
  ({ function: 'holding', register, dataType, wordOrder })

describe('register bank', () => {
  it('stores a uint16 in one holding register', () => {
    const bank = new RegisterBank(10)
    bank.write(holding(3, 'uint16'), 1234)
    expect(bank.readRegisters('holding', 2, 3)).toEqual([0, 1234, 0])
  })

  it('stores a negative int16 as its two\'s complement', () => {
    const bank = new RegisterBank(10)
    bank.write(holding(0, 'int16'), -2)
    expect(bank.readRegisters('holding', 0, 1)).toEqual([0xFFFE])
  })

  it('saturates integers at their type\'s bounds instead of wrapping', () => {
    const bank = new RegisterBank(10)
    bank.write(holding(0, 'uint16'), 70_000)
    bank.write(holding(1, 'int16'), -40_000)
    expect(bank.readRegisters('holding', 0, 2)).toEqual([0xFFFF, 0x8000])
  })

  it('puts the high word first for big word order and the low word first for little', () => {
    const bank = new RegisterBank(10)
    bank.write(holding(0, 'uint32', 'big'), 0x12345678)
    bank.write(holding(4, 'uint32', 'little'), 0x12345678)
    expect(bank.readRegisters('holding', 0, 2)).toEqual([0x1234, 0x5678])
    expect(bank.readRegisters('holding', 4, 2)).toEqual([0x5678, 0x1234])
  })

  it('stores an int32 across two registers', () => {
    const bank = new RegisterBank(10)
    bank.write(holding(0, 'int32'), -100_000)
    const [high, low] = bank.readRegisters('holding', 0, 2)
    expect(((high! << 16) | low!) >> 0).toBe(-100_000)
  })

  it('stores a float32 as its IEEE 754 bits', () => {
    const bank = new RegisterBank(10)
    bank.write(holding(0, 'float32', 'little'), 21.5)
    const [low, high] = bank.readRegisters('holding', 0, 2)
    const bytes = Buffer.alloc(4)
    bytes.writeUInt16BE(high!, 0)
    bytes.writeUInt16BE(low!, 2)
    expect(bytes.readFloatBE(0)).toBe(21.5)
  })

  it('keeps input registers apart from holding registers', () => {
    const bank = new RegisterBank(10)
    bank.write({ function: 'input', register: 5, dataType: 'uint16', wordOrder: 'big' }, 42)
    expect(bank.readRegisters('input', 5, 1)).toEqual([42])
    expect(bank.readRegisters('holding', 5, 1)).toEqual([0])
  })

  it('keeps coils and discrete inputs as bits', () => {
    const bank = new RegisterBank(10)
    bank.write({ function: 'coil', register: 2, dataType: 'bool', wordOrder: 'big' }, 1)
    bank.write({ function: 'discrete', register: 3, dataType: 'bool', wordOrder: 'big' }, 1)
    expect(bank.readBit('coil', 2)).toBe(true)
    expect(bank.readBit('coil', 3)).toBe(false)
    expect(bank.readBit('discrete', 3)).toBe(true)
    bank.write({ function: 'coil', register: 2, dataType: 'bool', wordOrder: 'big' }, 0)
    expect(bank.readBit('coil', 2)).toBe(false)
  })

  it('refuses a read that runs past the bank with exception 0x02 (illegal data address)', () => {
    const bank = new RegisterBank(10)
    expect(() => bank.readRegisters('holding', 9, 2)).toThrow(ModbusException)
    try {
      bank.readRegisters('input', 500, 1)
    }
    catch (error) {
      expect((error as ModbusException).modbusErrorCode).toBe(ILLEGAL_DATA_ADDRESS)
      expect((error as Error).message).toBe('input 500..500 is outside 0..9')
    }
    expect(() => bank.readBit('coil', 10)).toThrow(/coil 10\.\.10 is outside 0\.\.9/)
  })

  it('knows which layouts fit inside it', () => {
    const bank = new RegisterBank(10)
    expect(bank.fits(holding(9, 'uint16'))).toBe(true)
    expect(bank.fits(holding(9, 'float32'))).toBe(false)
    expect(bank.fits(holding(8, 'int32'))).toBe(true)
    expect(bank.fits({ function: 'coil', register: 10, dataType: 'bool', wordOrder: 'big' })).toBe(false)
  })

  it('refuses to store a 32-bit value whose second register is past the bank', () => {
    const bank = new RegisterBank(10)
    expect(() => bank.write(holding(9, 'float32'), 1)).toThrow(ModbusException)
    expect(bank.readRegisters('holding', 9, 1)).toEqual([0])
  })
})
