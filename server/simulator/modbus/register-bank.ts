// The memory of a simulated Modbus device: holding and input registers, coils and discrete inputs,
// all addresses 0..size-1, as a PLC exposes them; reads beyond that are refused as a device refuses them.
import { encodeRegisters } from './register-encoding'
import type { ModbusFunction } from '../../../shared/modbus'
import type { RegisterLayout } from './register-layout'

/** Modbus exception 0x02: the request names an address the device does not have. */
export const ILLEGAL_DATA_ADDRESS = 0x02

/** A refused read, in the shape modbus-serial's ServerTCP turns into an exception response. */
export class ModbusException extends Error {
  constructor(readonly modbusErrorCode: number, message: string) {
    super(message)
  }
}

export class RegisterBank {
  private readonly words: Record<'holding' | 'input', Uint16Array>
  private readonly bits: Record<'coil' | 'discrete', Uint8Array>

  constructor(readonly size = 100) {
    this.words = { holding: new Uint16Array(size), input: new Uint16Array(size) }
    this.bits = { coil: new Uint8Array(size), discrete: new Uint8Array(size) }
  }

  /** Stores `raw` where `layout` says (a 32-bit value takes two registers); throws for an address outside the bank. */
  write(layout: RegisterLayout, raw: number): void {
    if (layout.function === 'coil' || layout.function === 'discrete') {
      this.check(layout.function, layout.register, 1)
      this.bits[layout.function][layout.register] = raw ? 1 : 0
      return
    }
    const registers = encodeRegisters(raw, layout.dataType, layout.wordOrder)
    this.check(layout.function, layout.register, registers.length)
    this.words[layout.function].set(registers, layout.register)
  }

  /** Whether a value laid out as `layout` lies inside the bank. */
  fits(layout: RegisterLayout): boolean {
    const count = layout.function === 'coil' || layout.function === 'discrete' || layout.dataType === 'bool' ? 1 : encodeRegisters(0, layout.dataType, layout.wordOrder).length
    return Number.isInteger(layout.register) && layout.register >= 0 && layout.register + count <= this.size
  }

  /** `count` registers from `address` of the holding or input table (FC 3 / 4). */
  readRegisters(table: 'holding' | 'input', address: number, count: number): number[] {
    this.check(table, address, count)
    return Array.from(this.words[table].subarray(address, address + count))
  }

  /** One coil or discrete input (FC 1 / 2). */
  readBit(table: 'coil' | 'discrete', address: number): boolean {
    this.check(table, address, 1)
    return this.bits[table][address] === 1
  }

  private check(table: ModbusFunction, address: number, count: number): void {
    if (!Number.isInteger(address) || address < 0 || count < 1 || address + count > this.size) {
      throw new ModbusException(ILLEGAL_DATA_ADDRESS, `${table} ${address}..${address + count - 1} is outside 0..${this.size - 1}`)
    }
  }
}
