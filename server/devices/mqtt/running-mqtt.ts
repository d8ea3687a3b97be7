// What the rest of the server knows of the running MQTT adapter.
import type { DeviceRevocation } from './device-revocations'

export interface RunningMqtt {
  /** What the start-up log says. */
  description: string
  /** Port of the embedded broker, or null with an external one. */
  port: number | null
  /** Closes this node's sessions a revocation ends (embedded broker); returns how many. */
  revoke: (revoked: DeviceRevocation) => number
  stop: () => Promise<void>
}
