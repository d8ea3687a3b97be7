// The callbacks modbus-serial's ServerTCP answers requests with, reading one register bank.
import type { IServiceVector } from 'modbus-serial'
import type { RegisterBank } from './register-bank'

/** Read-only access to `bank` (FC 1–4); a read outside it throws, which ServerTCP answers with exception 0x02. */
export function serviceVector(bank: RegisterBank): IServiceVector {
  return {
    getCoil: address => bank.readBit('coil', address),
    getDiscreteInput: address => bank.readBit('discrete', address),
    getHoldingRegister: address => bank.readRegisters('holding', address, 1)[0]!,
    getInputRegister: address => bank.readRegisters('input', address, 1)[0]!,
    getMultipleHoldingRegisters: (address, length) => bank.readRegisters('holding', address, length),
    getMultipleInputRegisters: (address, length) => bank.readRegisters('input', address, length),
  }
}
