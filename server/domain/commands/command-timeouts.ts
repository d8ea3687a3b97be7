// The periodic sweep that gives up on commands nobody finished in time.
import { and, inArray, lte } from 'drizzle-orm'
import type { CommandPayload } from '../../../shared/events'
import { commands } from '../../db/schema'
import { announceActivity } from '../activity'
import type { DomainContext } from '../context'
import { announceCommand, toCommandPayload } from './command-payload'
import { UNFINISHED_COMMAND_STATUSES } from './command-status'
import { storeOutcomeActivity, storeTransitions } from './command-transitions'

/** Moves every unfinished command past its timeout_at to 'timed_out' and announces it; returns those commands. */
export async function timeOutCommands(ctx: DomainContext): Promise<CommandPayload[]> {
  const now = ctx.now()
  const { timedOut, activity } = await ctx.db.transaction(async (tx) => {
    const rows = await tx.update(commands).set({ status: 'timed_out', error: 'no answer before the timeout', updatedAt: now })
      .where(and(inArray(commands.status, [...UNFINISHED_COMMAND_STATUSES]), lte(commands.timeoutAt, now))).returning()
    rows.sort((a, b) => a.id - b.id)
    await storeTransitions(tx, rows.map(row => ({ commandId: row.id, status: 'timed_out' as const, detail: 'no answer before the timeout', at: now })))
    return { timedOut: rows.map(toCommandPayload), activity: await storeOutcomeActivity(tx, rows, now) }
  })
  for (const command of timedOut) announceCommand(ctx, command)
  announceActivity(ctx, activity)
  return timedOut
}
