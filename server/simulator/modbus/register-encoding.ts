// How a simulated device lays a raw value into 16-bit registers, the way a PLC or meter stores it.
import type { ModbusDataType, WordOrder } from '../../../shared/modbus'

const RANGES: Record<Exclude<ModbusDataType, 'float32' | 'bool'>, [number, number]> = {
  int16: [-0x8000, 0x7FFF],
  uint16: [0, 0xFFFF],
  int32: [-0x80000000, 0x7FFFFFFF],
  uint32: [0, 0xFFFFFFFF],
}

/** The registers holding `raw` as `dataType`, in `wordOrder`; integers saturate at their type's bounds, as devices do. */
export function encodeRegisters(raw: number, dataType: ModbusDataType, wordOrder: WordOrder): number[] {
  const bytes = Buffer.alloc(4)
  if (dataType === 'bool') return [raw ? 1 : 0]
  if (dataType === 'float32') bytes.writeFloatBE(raw)
  else {
    const [min, max] = RANGES[dataType]
    const value = Math.min(max, Math.max(min, Math.round(raw)))
    if (dataType === 'int16' || dataType === 'uint16') return [value & 0xFFFF]
    if (dataType === 'int32') bytes.writeInt32BE(value)
    else bytes.writeUInt32BE(value)
  }
  const high = bytes.readUInt16BE(0)
  const low = bytes.readUInt16BE(2)
  // "little" word order: the low word sits at the lower address (the bytes inside a word stay big-endian).
  return wordOrder === 'little' ? [low, high] : [high, low]
}
