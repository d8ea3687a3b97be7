// Operators and admins send a command to a zone (or one node of it); it waits, queued, for the device to fetch it.
import { and, eq } from 'drizzle-orm'
import type { CommandPayload } from '../../../shared/events'
import type { Actor } from '../../auth/actor'
import { commands, devices, zones } from '../../db/schema'
import { announceActivity, storeActivity } from '../activity'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import { authorizeZone, holds } from '../policies'
import { announceCommand, toCommandPayload } from './command-payload'
import type { SendCommandInput } from './command-schema'
import { sendCommandInput } from './command-schema'
import { storeTransitions } from './command-transitions'
import { serverMessage } from '../../i18n/server-message'

/**
 * Queues a command for `zoneId` with a timeout of settings.commandTimeoutSeconds: 403 outside the actor's
 * tenant or without 'command', 422 naming `deviceId` for a node that is not in the zone.
 */
export async function sendCommand(ctx: DomainContext, actor: Actor, zoneId: number, input: SendCommandInput): Promise<CommandPayload> {
  const zoneAccess = await authorizeZone(ctx.db, actor, zoneId)
  if (!zoneAccess.allowed) throw new DomainError(403, 'zone', zoneAccess.reason)
  const ability = holds(actor, 'command')
  if (!ability.allowed) throw new DomainError(403, 'zone', ability.reason)
  const parsed = sendCommandInput.safeParse(input)
  if (!parsed.success) throw new DomainError(422, parsed.error.issues[0]!.path.join('.') || 'body', parsed.error.issues[0]!.message)
  const { kind, params, deviceId } = parsed.data
  const now = ctx.now()
  const { command, activity } = await ctx.db.transaction(async (tx) => {
    const [zone] = await tx.select({ name: zones.name }).from(zones).where(eq(zones.id, zoneId))
    if (deviceId !== undefined) {
      const [device] = await tx.select({ id: devices.id }).from(devices).where(and(eq(devices.id, deviceId), eq(devices.zoneId, zoneId)))
      if (!device) throw new DomainError(422, 'deviceId', `unknown device ${deviceId} in zone ${zoneId}`)
    }
    const [row] = await tx.insert(commands).values({
      tenantId: actor.user.tenantId, zoneId, deviceId: deviceId ?? null, kind, params, status: 'queued', createdBy: actor.user.id,
      timeoutAt: new Date(now.getTime() + ctx.settings.commandTimeoutSeconds * 1000), createdAt: now, updatedAt: now,
    }).returning()
    await storeTransitions(tx, [{ commandId: row!.id, status: 'queued', detail: `sent by ${actor.user.name}`, at: now }])
    const activity = await storeActivity(tx, {
      tenantId: actor.user.tenantId, kind: 'command.queued', message: serverMessage('messages.activity.commandQueued', { actor: actor.user.name, command: kind, zone: zone!.name }),
      actorUserId: actor.user.id, subject: { commandId: row!.id, zoneId, deviceId: deviceId ?? null },
    }, now)
    return { command: toCommandPayload(row!), activity }
  })
  announceCommand(ctx, command)
  announceActivity(ctx, [activity])
  return command
}
