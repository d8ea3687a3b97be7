// A device reports a command's progress: `{ status: 'acknowledged' | 'succeeded' | 'failed', detail? }`.
import { commandStatusReport } from '../../../../domain/commands/command-schema'
import { reportCommandStatus } from '../../../../domain/commands/report-command-status'

export default defineEventHandler((event) => {
  const commandId = idParam(event, 'command')
  // The ingest handler knows only the body; the command's id comes from the path, so it is bound here.
  return defineIngestHandler(commandStatusReport, (ctx, tx, tenantId, report) => reportCommandStatus(ctx, tx, tenantId, commandId, report))(event)
})
