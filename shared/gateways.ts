// A gateway's data point and the gateway detail as the gateway API returns them, read by the gateway page.
import type { Quality } from './events'
import type { ModbusDataType, ModbusFunction, PollHealth, WordOrder } from './modbus'
import type { GatewaySettings } from './settings'

export interface DataPointView {
  id: number
  gatewayId: number
  /** The 0-based address on the wire (holding register 40001 of a manual is 0). */
  register: number
  function: ModbusFunction
  dataType: ModbusDataType
  wordOrder: WordOrder
  scale: number
  offset: number
  unit: string
  label: string
  group: string
  /** The last good value; it stays while reads fail, marked by `lastQuality` `bad` and `lastError`. */
  lastValue: number | null
  lastQuality: Quality | null
  /** When `lastValue` was read. */
  lastReadAt: string | null
  /** Why the latest poll could not read this point; null once a read succeeds. */
  lastError: string | null
}

/** A gateway with its data points by group, for the gateway page; `pollHealth` is null unless it is polled over Modbus TCP. */
export interface GatewayDetail extends Omit<GatewaySettings, 'archivedAt'> {
  groups: Array<{ name: string, dataPoints: DataPointView[] }>
  pollHealth: PollHealth | null
}
