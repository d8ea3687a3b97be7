// Moving commands between statuses: every move is stored as a command_transitions row, with the command.
import { and, eq, inArray } from 'drizzle-orm'
import type { ActivityEventPayload, CommandPayload, CommandStatus } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { commands, commandTransitions, zones } from '../../db/schema'
import { storeActivity } from '../activity'
import { DomainError } from '../errors'
import { toCommandPayload } from './command-payload'
import { assertCommandMove } from './command-status'
import { serverMessage } from '../../i18n/server-message'

export interface TransitionRow {
  commandId: number
  status: CommandStatus
  detail?: string | null
  at: Date
}

/** Stores transition rows in one insert. */
export async function storeTransitions(tx: Database, rows: TransitionRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(commandTransitions).values(rows.map(row => ({ ...row, detail: row.detail ?? null })))
}

/**
 * Moves one command of `tenantId` to `to` (locked, so concurrent reports apply one after the other):
 * 422 naming `field` for an unknown command, 409 for a move outside the lifecycle.
 */
export async function moveCommand(
  tx: Database, tenantId: number, commandId: number, to: CommandStatus, options: { detail?: string | null, at: Date, field: string },
): Promise<{ command: CommandPayload, activity: ActivityEventPayload | null }> {
  const [current] = await tx.select().from(commands).where(and(eq(commands.id, commandId), eq(commands.tenantId, tenantId))).for('update')
  if (!current) throw new DomainError(422, options.field, `unknown command ${commandId}`)
  assertCommandMove(commandId, current.status, to)
  const error = to === 'failed' ? options.detail || 'reported failed' : current.error
  const [row] = await tx.update(commands).set({ status: to, error, updatedAt: options.at })
    .where(and(eq(commands.id, commandId), eq(commands.status, current.status))).returning()
  await storeTransitions(tx, [{ commandId, status: to, detail: options.detail, at: options.at }])
  const activity = ['succeeded', 'failed'].includes(to) ? await storeOutcomeActivity(tx, [row!], options.at) : []
  return { command: toCommandPayload(row!), activity: activity[0] ?? null }
}

const OUTCOME_CODES = { succeeded: 'commandSucceeded', failed: 'commandFailed', timed_out: 'commandTimedOut' } as const

/** Activity events for commands that finished (succeeded, failed, timed out): what a person wants in the feed. */
export async function storeOutcomeActivity(tx: Database, rows: Array<typeof commands.$inferSelect>, at: Date): Promise<ActivityEventPayload[]> {
  if (rows.length === 0) return []
  const names = new Map((await tx.select({ id: zones.id, name: zones.name }).from(zones)
    .where(inArray(zones.id, [...new Set(rows.map(row => row.zoneId))]))).map(zone => [zone.id, zone.name]))
  const stored: ActivityEventPayload[] = []
  for (const row of rows) {
    const outcome = OUTCOME_CODES[row.status as keyof typeof OUTCOME_CODES] ?? 'commandSucceeded'
    const params = { command: row.kind, zone: names.get(row.zoneId)!, ...(row.error ? { error: row.error } : {}) }
    stored.push(await storeActivity(tx, {
      tenantId: row.tenantId, kind: `command.${row.status}`, message: serverMessage(`messages.activity.${outcome}${row.error ? 'Detail' : ''}`, params),
      subject: { commandId: row.id, zoneId: row.zoneId, deviceId: row.deviceId },
    }, at))
  }
  return stored
}
