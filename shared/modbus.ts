// How a gateway is reached (pushed readings or Modbus TCP polling) and how a data point is read over Modbus:
// the schemas the API validates with and the page's forms use, and the types of what the API answers.
import { z } from 'zod'

export const MODBUS_FUNCTIONS = ['holding', 'input', 'coil', 'discrete'] as const
export const MODBUS_DATA_TYPES = ['int16', 'uint16', 'int32', 'uint32', 'float32', 'bool'] as const
export const WORD_ORDERS = ['big', 'little'] as const

/** Which Modbus table a data point is read from: holding/input registers (16-bit words) or coils/discrete inputs (bits). */
export type ModbusFunction = typeof MODBUS_FUNCTIONS[number]
export type ModbusDataType = typeof MODBUS_DATA_TYPES[number]
/** Of a 32-bit value's two registers, which comes first: `big` the high word, `little` the low word. */
export type WordOrder = typeof WORD_ORDERS[number]

/** Functions whose values are single bits (dataType `bool` only). */
export const BIT_FUNCTIONS: readonly ModbusFunction[] = ['coil', 'discrete']

/** How many 16-bit registers a value of `dataType` spans on the wire. */
export function registerSpan(dataType: ModbusDataType): number {
  return dataType === 'int32' || dataType === 'uint32' || dataType === 'float32' ? 2 : 1
}

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/
const IPV6 = /^[0-9A-Fa-f:.]{2,45}$/

/** A host name, an IPv4 address or an IPv6 address (without brackets). */
export const modbusHostSchema = z.string().trim().refine(host => HOSTNAME.test(host) || (host.includes(':') && IPV6.test(host)), 'must be a host name or an IP address')

export const pushConnectionSchema = z.object({ protocol: z.literal('push') })

export const modbusTcpConnectionSchema = z.object({
  protocol: z.literal('modbus-tcp'),
  host: modbusHostSchema,
  port: z.number().int().min(1).max(65535).default(502),
  unitId: z.number().int().min(0).max(255).default(1),
  pollIntervalMs: z.number().int().min(200).max(3_600_000).default(5000),
  timeoutMs: z.number().int().min(50).max(60_000).default(2000),
})

/** A gateway's `connection`: readings pushed to Lookout (the default) or polled by Lookout over Modbus TCP. */
export const gatewayConnectionSchema = z.discriminatedUnion('protocol', [pushConnectionSchema, modbusTcpConnectionSchema])

export type PushConnection = z.infer<typeof pushConnectionSchema>
export type ModbusTcpConnection = z.infer<typeof modbusTcpConnectionSchema>
export type GatewayConnection = z.infer<typeof gatewayConnectionSchema>

export const PUSH_CONNECTION: PushConnection = { protocol: 'push' }

/** How a data point's value is read: table, type, word order and `value = raw × scale + offset`. */
export interface ModbusPointSettings {
  function: ModbusFunction
  dataType: ModbusDataType
  wordOrder: WordOrder
  scale: number
  offset: number
}

export const DEFAULT_POINT_SETTINGS: ModbusPointSettings = { function: 'holding', dataType: 'uint16', wordOrder: 'big', scale: 1, offset: 0 }

/** The Modbus fields of a data point as an operator enters them (all optional in a change). */
export const modbusPointFieldsSchema = z.object({
  function: z.enum(MODBUS_FUNCTIONS),
  dataType: z.enum(MODBUS_DATA_TYPES),
  wordOrder: z.enum(WORD_ORDERS),
  scale: z.number().finite().refine(scale => scale !== 0, 'must not be zero'),
  offset: z.number().finite(),
})

/** Why a combination of register, function and type cannot be read; null when it can. Names the field at fault. */
export function pointSettingsProblem(register: number, settings: Pick<ModbusPointSettings, 'function' | 'dataType'>): { field: 'dataType' | 'register', message: string } | null {
  const bits = BIT_FUNCTIONS.includes(settings.function)
  if (bits && settings.dataType !== 'bool') return { field: 'dataType', message: `a ${settings.function} holds one bit: dataType must be bool` }
  if (!bits && settings.dataType === 'bool') return { field: 'dataType', message: `bool is read from coils or discrete inputs, not ${settings.function} registers` }
  if (register + registerSpan(settings.dataType) - 1 > 65535) return { field: 'register', message: `a ${settings.dataType} spans two registers: the last address is 65534` }
  return null
}

/** Why a read failed, as precisely as the wire tells: the page shows `message`, tests and tools read `kind`. */
export type ModbusErrorKind = 'host-not-allowed' | 'connection-refused' | 'unreachable' | 'timeout' | 'connection-closed' | 'exception' | 'bad-response'

export interface ModbusReadError {
  kind: ModbusErrorKind
  message: string
  /** For `exception`: the Modbus exception code (1 illegal function, 2 illegal data address, ...) and its name. */
  exceptionCode?: number
  exceptionName?: string
}

/** One data point's outcome in a connection test: its decoded value, or why it could not be read. */
export interface ConnectionTestPoint {
  dataPointId: number
  label: string
  function: ModbusFunction
  register: number
  value: number | null
  error: ModbusReadError | null
}

/** `POST /api/gateways/{g}/test`: every data point read once, nothing stored. */
export interface ConnectionTestResult {
  gatewayId: number
  host: string
  port: number
  unitId: number
  /** Whether the TCP connection was established; when not, `error` says why and every point carries it. */
  connected: boolean
  error: ModbusReadError | null
  durationMs: number
  points: ConnectionTestPoint[]
}

/** How a Modbus gateway's polling goes, in the gateway detail API; null for pushed gateways. */
export interface PollHealth {
  lastPollAt: string | null
  durationMs: number | null
  consecutiveFailures: number
  lastError: string | null
}
