// A device fetches its queued commands (`?device=<uid>`); the ones handed over become 'sent'.
import type { DomainContext } from '../../../domain/context'
import { pendingCommandsQuery } from '../../../domain/commands/command-schema'
import { pendingCommands } from '../../../domain/commands/pending-commands'

export default defineEventHandler(event => databaseCall(event, async () => {
  const actor = await useActor(event, 'ingest')
  const { device } = validQuery(event, pendingCommandsQuery)
  const ctx = await useDomain()
  let announce: (ctx: DomainContext) => void = () => {}
  const response = await domainCall(() => ctx.db.transaction(async (tx) => {
    const outcome = await pendingCommands(ctx, tx, actor.user.tenantId, device)
    announce = outcome.announce
    return outcome.response
  }))
  announce(ctx)
  return response
}))
