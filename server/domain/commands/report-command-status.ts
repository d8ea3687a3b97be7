// Devices report how a command they fetched is going: acknowledged, then succeeded or failed.
import type { CommandPayload } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { announceActivity } from '../activity'
import type { DomainContext } from '../context'
import type { IngestOutcome } from '../ingest-outcome'
import { announceCommand } from './command-payload'
import type { CommandStatusReport } from './command-schema'
import { moveCommand } from './command-transitions'

/**
 * Applies a device's report to command `commandId` of `tenantId`: 422 naming `id` when the tenant has no
 * such command, 409 naming `status` for a move outside the lifecycle (a finished command stays finished).
 */
export async function reportCommandStatus(ctx: DomainContext, tx: Database, tenantId: number, commandId: number, report: CommandStatusReport): Promise<IngestOutcome<{ data: CommandPayload }>> {
  const { command, activity } = await moveCommand(tx, tenantId, commandId, report.status, { detail: report.detail ?? null, at: ctx.now(), field: 'id' })
  return {
    response: { data: command },
    announce: (ctx) => {
      announceCommand(ctx, command)
      if (activity) announceActivity(ctx, [activity])
    },
  }
}
