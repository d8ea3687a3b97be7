// Operators block or unblock a vehicle's engine; admins may send any text command. Queued until the tracker takes it.
import type { VehicleCommandPayload } from '../../../shared/vehicle-commands'
import type { Actor } from '../../auth/actor'
import { vehicleCommands } from '../../db/schema'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import { authorizeAdmin, authorizeVehicle, holds } from '../policies'
import type { VehicleCommandInput } from './vehicle-command-input'
import { trackerText } from './vehicle-command-input'
import { announceVehicleCommand, toVehicleCommandPayload } from './vehicle-command-payload'

/** Queues a command for the vehicle: 403 outside the tenant, without 'command', or `custom` from a non-admin. */
export async function sendVehicleCommand(ctx: DomainContext, actor: Actor, vehicleId: number, input: VehicleCommandInput): Promise<VehicleCommandPayload> {
  for (const decision of [await authorizeVehicle(ctx.db, actor, vehicleId), holds(actor, 'command'), input.kind === 'custom' ? authorizeAdmin(actor) : { allowed: true as const }]) {
    if (!decision.allowed) throw new DomainError(403, 'vehicle', decision.reason)
  }
  const now = ctx.now()
  const [row] = await ctx.db.insert(vehicleCommands).values({
    tenantId: actor.user.tenantId, vehicleId, kind: input.kind, text: trackerText(input), createdBy: actor.user.id, createdAt: now, updatedAt: now,
  }).returning()
  const command = toVehicleCommandPayload(row!)
  announceVehicleCommand(ctx, command)
  return command
}
