// A tracker takes its vehicle's commands one at a time: the oldest queued becomes sent, its answer finishes it.
import { and, asc, eq, inArray, lte } from 'drizzle-orm'
import type { VehicleCommandPayload } from '../../../shared/vehicle-commands'
import { vehicleCommands } from '../../db/schema'
import type { DomainContext } from '../context'
import { announceVehicleCommand, toVehicleCommandPayload } from './vehicle-command-payload'

/** Marks the vehicle's oldest queued command sent (timing out after settings.commandTimeoutSeconds) and returns it; null when none waits. */
export async function takeNextVehicleCommand(ctx: DomainContext, vehicleId: number): Promise<VehicleCommandPayload | null> {
  const now = ctx.now()
  const row = await ctx.db.transaction(async (tx) => {
    const [next] = await tx.select({ id: vehicleCommands.id }).from(vehicleCommands)
      .where(and(eq(vehicleCommands.vehicleId, vehicleId), eq(vehicleCommands.status, 'queued'))).orderBy(asc(vehicleCommands.id)).limit(1).for('update')
    if (!next) return null
    const [sent] = await tx.update(vehicleCommands).set({ status: 'sent', timeoutAt: new Date(now.getTime() + ctx.settings.commandTimeoutSeconds * 1000), updatedAt: now })
      .where(eq(vehicleCommands.id, next.id)).returning()
    return sent!
  })
  if (!row) return null
  const command = toVehicleCommandPayload(row)
  announceVehicleCommand(ctx, command)
  return command
}

/** Stores the tracker's answer to a sent command: acknowledged, then succeeded with the response. False when it was no longer waiting. */
export async function finishVehicleCommand(ctx: DomainContext, commandId: number, response: string): Promise<boolean> {
  const now = ctx.now()
  const [row] = await ctx.db.update(vehicleCommands).set({ status: 'succeeded', response, updatedAt: now })
    .where(and(eq(vehicleCommands.id, commandId), eq(vehicleCommands.status, 'sent'))).returning()
  if (!row) return false
  // The lifecycle's acknowledged step: a Codec 12 answer is both the receipt and the outcome.
  announceVehicleCommand(ctx, { ...toVehicleCommandPayload(row), status: 'acknowledged' })
  announceVehicleCommand(ctx, toVehicleCommandPayload(row))
  return true
}

/** Sent commands past their timeout become timed_out (queued ones wait for the tracker to connect). */
export async function timeOutVehicleCommands(ctx: DomainContext): Promise<VehicleCommandPayload[]> {
  const now = ctx.now()
  const rows = await ctx.db.update(vehicleCommands).set({ status: 'timed_out', error: 'the tracker did not answer in time', updatedAt: now })
    .where(and(inArray(vehicleCommands.status, ['sent', 'acknowledged']), lte(vehicleCommands.timeoutAt, now))).returning()
  const commands = rows.sort((a, b) => a.id - b.id).map(toVehicleCommandPayload)
  for (const command of commands) announceVehicleCommand(ctx, command)
  return commands
}
