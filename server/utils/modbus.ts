// This process's Modbus settings (MODBUS_* variables), read once, for the routes that check and test hosts.
import type { ModbusSettings } from '../devices/modbus/modbus-settings'
import { modbusSettings } from '../devices/modbus/modbus-settings'

let settings: ModbusSettings | null = null

/** The Modbus settings of this process. */
export function useModbusSettings(): ModbusSettings {
  settings ??= modbusSettings(process.env)
  return settings
}
