// Where a simulated data point lives in a device's register map.
import type { ModbusDataType, ModbusFunction, WordOrder } from '../../../shared/modbus'

/** A data point as a device stores it: its table, 0-based address, type and word order. */
export interface RegisterLayout {
  function: ModbusFunction
  register: number
  dataType: ModbusDataType
  wordOrder: WordOrder
}
