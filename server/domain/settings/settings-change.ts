// A configuration change, its activity event and its `settings.changed` broadcast, committed together.
import { channels } from '../../../shared/channels'
import type { ActivityEventPayload } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import type { SettingsAction, SettingsChangedPayload, SettingsSubject } from '../../../shared/settings'
import type { Actor } from '../../auth/actor'
import type { Database } from '../../db/connection'
import { isUniqueViolation } from '../../db/unique-violation'
import { announceActivity, storeActivity } from '../activity'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import type { ServerMessage } from '../../../shared/server-message'

export interface SettingsChange<T> {
  tenantId: number
  subject: SettingsSubject
  action: SettingsAction
  id: number
  /** What the activity feed says, e.g. "Ada created zone Greenhouse C", as a catalogue code and parameters. */
  message: ServerMessage
  /** The answer of the route. */
  result: T
  /** What other browsers get; null for what only admins may read. */
  broadcast: SettingsChangedPayload['data']
}

/** Maps a unique index to the field a person sees in the 409, e.g. devices_tenant_uid_live_idx -> uid. */
export type UniqueFields = Record<string, string>

/**
 * Runs `change` in a transaction with its activity event (who did it), then broadcasts the event and
 * `settings.changed` on the tenant's events channel once committed. A unique violation a concurrent
 * request caused after the checks becomes the same 409 as the checks give.
 */
export async function recordSettingsChange<T>(ctx: DomainContext, actor: Actor, change: (tx: Database) => Promise<SettingsChange<T>>, unique: UniqueFields = {}): Promise<T> {
  let activity: ActivityEventPayload | undefined
  let done: SettingsChange<T> | undefined
  try {
    await ctx.db.transaction(async (tx) => {
      done = await change(tx)
      activity = await storeActivity(tx, {
        tenantId: done.tenantId, kind: `${done.subject}.${done.action}`, message: done.message, actorUserId: actor.user.id,
        subject: { [`${done.subject.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}Id`]: done.id },
      }, ctx.now())
    })
  }
  catch (error) {
    const field = Object.entries(unique).find(([constraint]) => isUniqueViolation(error, constraint))?.[1]
    if (field) throw new DomainError(409, field, 'is already taken', { code: 'validation.taken' })
    throw error
  }
  announceActivity(ctx, [activity!])
  const payload: SettingsChangedPayload = { tenantId: done!.tenantId, subject: done!.subject, action: done!.action, id: done!.id, actorUserId: actor.user.id, data: done!.broadcast }
  ctx.broadcaster.broadcast([channels.tenant(done!.tenantId, 'events')], EVENTS.settingsChanged, payload)
  return done!.result
}
