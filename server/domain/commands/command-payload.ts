// The `command.status` / `command.failed` payload of a command row, and the channels it goes to.
import { channels } from '../../../shared/channels'
import type { CommandPayload } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import type { commands } from '../../db/schema'
import type { DomainContext } from '../context'

/** The payload of a command row (dates as ISO strings). */
export function toCommandPayload(row: typeof commands.$inferSelect): CommandPayload {
  return {
    id: row.id, tenantId: row.tenantId, zoneId: row.zoneId, deviceId: row.deviceId, kind: row.kind, params: row.params,
    status: row.status, error: row.error, createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  }
}

/**
 * Broadcasts a command's new status on its zone's and its tenant's commands channels (after commit);
 * failures and timeouts also go out as `command.failed`, so a page can alert without tracking states.
 */
export function announceCommand(ctx: DomainContext, command: CommandPayload): void {
  const targets = [channels.zoneCommands(command.zoneId), channels.tenant(command.tenantId, 'commands')]
  ctx.broadcaster.broadcast(targets, EVENTS.commandStatus, command)
  if (command.status === 'failed' || command.status === 'timed_out') ctx.broadcaster.broadcast(targets, EVENTS.commandFailed, command)
}
