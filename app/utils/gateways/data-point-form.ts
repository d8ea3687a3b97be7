// The add-data-point form's rules, checked in the browser before the server checks them again.
import type { ModbusDataType, ModbusFunction, WordOrder } from '#shared/modbus'
import { DEFAULT_POINT_SETTINGS, pointSettingsProblem } from '#shared/modbus'

export interface DataPointFormState {
  register: number | undefined
  function: ModbusFunction
  dataType: ModbusDataType
  wordOrder: WordOrder
  label: string
  unit: string
  scale: number | undefined
  offset: number | undefined
  group: string
}

/** A fresh form: a uint16 holding register, scale 1, offset 0 and the 'General' group, as the server defaults them. */
export function emptyDataPointForm(): DataPointFormState {
  return { register: undefined, ...DEFAULT_POINT_SETTINGS, label: '', unit: '', group: 'General' }
}

/** The data type that fits a newly chosen function: coils and discrete inputs are bits, registers not. */
export function dataTypeFor(fn: ModbusFunction, current: ModbusDataType): ModbusDataType {
  const bits = fn === 'coil' || fn === 'discrete'
  if (bits) return 'bool'
  return current === 'bool' ? DEFAULT_POINT_SETTINGS.dataType : current
}

/** The form's problems, each naming its field; none when the server would accept it. */
export function dataPointFormErrors(state: DataPointFormState): Array<{ name: keyof DataPointFormState, message: string }> {
  const errors: Array<{ name: keyof DataPointFormState, message: string }> = []
  const registerOk = state.register !== undefined && Number.isInteger(state.register) && state.register >= 0 && state.register <= 65535
  if (!registerOk) errors.push({ name: 'register', message: 'A whole number from 0 to 65535' })
  if (state.label.trim() === '') errors.push({ name: 'label', message: 'Required' })
  else if (state.label.trim().length > 100) errors.push({ name: 'label', message: 'At most 100 characters' })
  if (state.unit.trim().length > 20) errors.push({ name: 'unit', message: 'At most 20 characters' })
  if (state.scale === undefined || !Number.isFinite(state.scale) || state.scale === 0) errors.push({ name: 'scale', message: 'A number other than zero' })
  if (state.offset === undefined || !Number.isFinite(state.offset)) errors.push({ name: 'offset', message: 'A number' })
  const problem = registerOk ? pointSettingsProblem(state.register!, state) : null
  if (problem) errors.push({ name: problem.field, message: problem.message })
  if (state.group.trim() === '') errors.push({ name: 'group', message: 'Required' })
  else if (state.group.trim().length > 50) errors.push({ name: 'group', message: 'At most 50 characters' })
  return errors
}
