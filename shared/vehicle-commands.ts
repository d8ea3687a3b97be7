// Commands sent to a vehicle's tracker (Teltonika Codec 12), as the REST API and `private-vehicle.{v}` carry them.
import type { CommandStatus } from './events'

/** Engine block/unblock for operators; `custom` sends an admin's own text command. */
export const VEHICLE_COMMAND_KINDS = ['engine_block', 'engine_unblock', 'custom'] as const
export type VehicleCommandKind = typeof VEHICLE_COMMAND_KINDS[number]

export interface VehicleCommandPayload {
  id: number
  tenantId: number
  vehicleId: number
  kind: VehicleCommandKind
  /** The text the tracker receives (e.g. `setdigout 1`). */
  text: string
  status: CommandStatus
  /** What the tracker answered, once it did. */
  response: string | null
  error: string | null
  createdBy: number | null
  createdAt: string
  updatedAt: string
}
