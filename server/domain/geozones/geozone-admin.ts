// Creating, changing and deleting geozones, each recorded in the tenant's activity feed.
import { eq } from 'drizzle-orm'
import type { Actor } from '../../auth/actor'
import type { Database } from '../../db/connection'
import { geozones } from '../../db/schema'
import type { ActivityEventPayload } from '../../../shared/events'
import { announceActivity, storeActivity } from '../activity'
import type { DomainContext } from '../context'
import { requireGeozoneChange } from './geozone-access'
import type { GeozonePayload } from '../../../shared/geozones'
import { toGeozonePayload } from './geozone-payload'
import type { CreateGeozoneInput, UpdateGeozoneInput } from './geozone-schema'
import { serverMessage } from '../../i18n/server-message'
import type { ServerMessage } from '../../../shared/server-message'

/** Creates a geozone in `tenantId` (403 unless the actor may change its geozones). */
export async function createGeozone(ctx: DomainContext, actor: Actor, tenantId: number, input: CreateGeozoneInput): Promise<GeozonePayload> {
  requireGeozoneChange(actor, tenantId, 'tenant')
  return changeRecorded(ctx, async (tx) => {
    const [row] = await tx.insert(geozones).values({ tenantId, name: input.name, shape: input.shape, color: input.color, createdAt: ctx.now() }).returning()
    return { row: row!, activity: { kind: 'geozone.created', message: serverMessage('messages.activity.geozoneCreated', { actor: actor.user.name, name: row!.name }) } }
  }, actor)
}

/** Changes name, shape or colour of a geozone; memberships follow at each vehicle's next position. */
export async function updateGeozone(ctx: DomainContext, actor: Actor, geozoneId: number, input: UpdateGeozoneInput): Promise<GeozonePayload> {
  return changeRecorded(ctx, async (tx) => {
    await lockOwned(tx, actor, geozoneId)
    const [row] = await tx.update(geozones).set({ name: input.name, shape: input.shape, color: input.color }).where(eq(geozones.id, geozoneId)).returning()
    return { row: row!, activity: { kind: 'geozone.updated', message: serverMessage('messages.activity.geozoneChanged', { actor: actor.user.name, name: row!.name }) } }
  }, actor)
}

/** Deletes a geozone; its vehicle memberships go with it, past geo events keep a null geozone. */
export async function deleteGeozone(ctx: DomainContext, actor: Actor, geozoneId: number): Promise<GeozonePayload> {
  return changeRecorded(ctx, async (tx) => {
    await lockOwned(tx, actor, geozoneId)
    const [row] = await tx.delete(geozones).where(eq(geozones.id, geozoneId)).returning()
    return { row: row!, activity: { kind: 'geozone.deleted', message: serverMessage('messages.activity.geozoneDeleted', { actor: actor.user.name, name: row!.name }) } }
  }, actor)
}

async function lockOwned(tx: Database, actor: Actor, geozoneId: number): Promise<void> {
  // Missing and foreign geozones are refused alike, so ids reveal nothing about other tenants.
  const [row] = await tx.select({ tenantId: geozones.tenantId }).from(geozones).where(eq(geozones.id, geozoneId)).for('update')
  requireGeozoneChange(actor, row?.tenantId, 'geozone')
}

type Change = (tx: Database) => Promise<{ row: typeof geozones.$inferSelect, activity: { kind: string, message: ServerMessage } }>

// The change and its activity event commit together; the event is broadcast only after the commit.
async function changeRecorded(ctx: DomainContext, change: Change, actor: Actor): Promise<GeozonePayload> {
  let event: ActivityEventPayload | undefined
  const payload = await ctx.db.transaction(async (tx) => {
    const { row, activity } = await change(tx)
    event = await storeActivity(tx, { tenantId: row.tenantId, ...activity, actorUserId: actor.user.id, subject: { geozoneId: row.id } }, ctx.now())
    return toGeozonePayload(row)
  })
  announceActivity(ctx, [event!])
  return payload
}
