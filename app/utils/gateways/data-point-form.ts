// The add-data-point form's rules, checked in the browser before the server checks them again.
import type { ModbusDataType, ModbusFunction, WordOrder } from '#shared/modbus'
import { DEFAULT_POINT_SETTINGS, pointSettingsProblem } from '#shared/modbus'
import type { Translate } from '../i18n/translate'

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

/** The form's problems, each naming its field, in `t`'s language; none when the server would accept it. */
export function dataPointFormErrors(state: DataPointFormState, t: Translate): Array<{ name: keyof DataPointFormState, message: string }> {
  const errors: Array<{ name: keyof DataPointFormState, message: string }> = []
  const registerOk = state.register !== undefined && Number.isInteger(state.register) && state.register >= 0 && state.register <= 65535
  if (!registerOk) errors.push({ name: 'register', message: t('gateways.errors.register') })
  if (state.label.trim() === '') errors.push({ name: 'label', message: t('gateways.errors.required') })
  else if (state.label.trim().length > 100) errors.push({ name: 'label', message: t('gateways.errors.maxChars', { max: 100 }) })
  if (state.unit.trim().length > 20) errors.push({ name: 'unit', message: t('gateways.errors.maxChars', { max: 20 }) })
  if (state.scale === undefined || !Number.isFinite(state.scale) || state.scale === 0) errors.push({ name: 'scale', message: t('gateways.errors.nonZero') })
  if (state.offset === undefined || !Number.isFinite(state.offset)) errors.push({ name: 'offset', message: t('gateways.errors.number') })
  const problem = registerOk ? pointSettingsProblem(state.register!, state) : null
  if (problem) errors.push({ name: problem.field, message: problem.message })
  if (state.group.trim() === '') errors.push({ name: 'group', message: t('gateways.errors.required') })
  else if (state.group.trim().length > 50) errors.push({ name: 'group', message: t('gateways.errors.maxChars', { max: 50 }) })
  return errors
}
