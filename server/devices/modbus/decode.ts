// Turns the words or bits a Modbus read returned into a data point's value: type, word order, then raw × scale + offset.
import type { ModbusPointSettings } from '../../../shared/modbus'

/**
 * The raw number of a register value: `words` holds the point's registers in wire order (one for 16-bit
 * types, two for 32-bit ones). `little` word order means the low word comes first.
 */
export function rawRegisterValue(words: readonly number[], settings: Pick<ModbusPointSettings, 'dataType' | 'wordOrder'>): number {
  if (settings.dataType === 'uint16') return words[0]! & 0xFFFF
  if (settings.dataType === 'int16') return (words[0]! << 16) >> 16
  if (settings.dataType === 'bool') return words[0]! === 0 ? 0 : 1
  const [high, low] = settings.wordOrder === 'big' ? [words[0]!, words[1]!] : [words[1]!, words[0]!]
  const bytes = Buffer.alloc(4)
  bytes.writeUInt16BE(high & 0xFFFF, 0)
  bytes.writeUInt16BE(low & 0xFFFF, 2)
  if (settings.dataType === 'uint32') return bytes.readUInt32BE(0)
  if (settings.dataType === 'int32') return bytes.readInt32BE(0)
  return bytes.readFloatBE(0)
}

/** The value a data point shows: the raw number (a bit counts 0 or 1) scaled and offset. */
export function scaledValue(raw: number, settings: Pick<ModbusPointSettings, 'scale' | 'offset'>): number {
  return raw * settings.scale + settings.offset
}
