// One command with its history of transitions, for GET /api/commands/{id}.
import { asc, eq } from 'drizzle-orm'
import type { Actor } from '../../auth/actor'
import type { CommandPayload } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { isDatabaseId } from '../../db/ids'
import { commands, commandTransitions } from '../../db/schema'
import type { Decision } from '../policies'
import { authorizeTenant } from '../policies'
import { toCommandPayload } from './command-payload'

export interface CommandDetail extends CommandPayload {
  timeoutAt: string | null
  transitions: Array<{ status: string, detail: string | null, at: string }>
}

/** Reading a command: it must be in the actor's tenant (a missing one looks the same). */
export async function authorizeCommand(db: Database, actor: Actor, commandId: number): Promise<Decision> {
  const [command] = isDatabaseId(commandId) ? await db.select({ tenantId: commands.tenantId }).from(commands).where(eq(commands.id, commandId)).limit(1) : []
  if (!command || command.tenantId !== actor.user.tenantId) return { allowed: false, reason: `command ${commandId} is not in the user's tenant` }
  return authorizeTenant(actor, command.tenantId)
}

/** The command with its transitions, oldest first, or null when there is none. */
export async function commandDetail(db: Database, commandId: number): Promise<CommandDetail | null> {
  const [row] = await db.select().from(commands).where(eq(commands.id, commandId))
  if (!row) return null
  const transitions = await db.select().from(commandTransitions).where(eq(commandTransitions.commandId, commandId))
    .orderBy(asc(commandTransitions.at), asc(commandTransitions.id))
  return {
    ...toCommandPayload(row), timeoutAt: row.timeoutAt?.toISOString() ?? null,
    transitions: transitions.map(step => ({ status: step.status, detail: step.detail, at: step.at.toISOString() })),
  }
}
