// The payload of a vehicle command row, and its broadcast on the vehicle's channel.
import { channels } from '../../../shared/channels'
import { EVENTS } from '../../../shared/events'
import type { VehicleCommandPayload } from '../../../shared/vehicle-commands'
import type { vehicleCommands } from '../../db/schema'
import type { DomainContext } from '../context'

/** The payload of a row (dates as ISO strings). */
export function toVehicleCommandPayload(row: typeof vehicleCommands.$inferSelect): VehicleCommandPayload {
  return {
    id: row.id, tenantId: row.tenantId, vehicleId: row.vehicleId, kind: row.kind, text: row.text, status: row.status,
    response: row.response, error: row.error, createdBy: row.createdBy, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  }
}

/** Broadcasts a vehicle command's new status on `private-vehicle.{v}` as `command.status` (after commit). */
export function announceVehicleCommand(ctx: DomainContext, command: VehicleCommandPayload): void {
  ctx.broadcaster.broadcast([channels.vehicle(command.vehicleId)], EVENTS.commandStatus, command)
}
