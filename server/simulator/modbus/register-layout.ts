// Where a simulated data point lives in a device's register map.

export type ModbusFunction = 'holding' | 'input' | 'coil' | 'discrete'
export type ModbusDataType = 'int16' | 'uint16' | 'int32' | 'uint32' | 'float32' | 'bool'
export type ModbusWordOrder = 'big' | 'little'

/** A data point as a device stores it: its table, 0-based address, type and word order. */
export interface RegisterLayout {
  function: ModbusFunction
  register: number
  dataType: ModbusDataType
  wordOrder: ModbusWordOrder
}
