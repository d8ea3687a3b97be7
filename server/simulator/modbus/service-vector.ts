// The callbacks modbus-serial's ServerTCP answers requests with, reading one register bank.
import type { IServiceVector } from 'modbus-serial'
import type { RegisterBank } from './register-bank'
import type { ModbusFunction } from '../../../shared/modbus'

/** Called with every register or bit a client reads (a multi-register read once, with its length). */
export type ReadObserver = (table: ModbusFunction, address: number, count: number) => void

/** Read-only access to `bank` (FC 1–4); a read outside it throws, which ServerTCP answers with exception 0x02. */
export function serviceVector(bank: RegisterBank, observe: ReadObserver = () => {}): IServiceVector {
  const registers = (table: 'holding' | 'input', address: number, count: number) => {
    const values = bank.readRegisters(table, address, count)
    observe(table, address, count)
    return values
  }
  const bit = (table: 'coil' | 'discrete', address: number) => {
    const value = bank.readBit(table, address)
    observe(table, address, 1)
    return value
  }
  return {
    getCoil: (address: number) => bit('coil', address),
    getDiscreteInput: (address: number) => bit('discrete', address),
    getHoldingRegister: (address: number) => registers('holding', address, 1)[0]!,
    getInputRegister: (address: number) => registers('input', address, 1)[0]!,
    getMultipleHoldingRegisters: (address: number, length: number) => registers('holding', address, length),
    getMultipleInputRegisters: (address: number, length: number) => registers('input', address, length),
  }
}
