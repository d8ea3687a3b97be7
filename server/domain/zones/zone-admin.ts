// Admins create, change and delete (archive) zones; each change is in the activity feed and broadcast.
import { and, eq, isNull } from 'drizzle-orm'
import type { ZoneSettings } from '../../../shared/settings'
import type { Actor } from '../../auth/actor'
import type { Database } from '../../db/connection'
import { devices, telemetryLatest, zones } from '../../db/schema'
import type { DomainContext } from '../context'
import { recordSettingsChange } from '../settings/settings-change'
import { requireConfigure, requireLive } from '../settings/settings-policy'
import type { NewZoneInput, ZoneChangeInput } from './zone-settings-schema'
import { toZoneSettings } from './zone-settings'
import { serverMessage } from '../../i18n/server-message'

/** Creates a zone in `tenantId`. */
export function createZone(ctx: DomainContext, actor: Actor, tenantId: number, input: NewZoneInput): Promise<ZoneSettings> {
  requireConfigure(actor, tenantId, 'tenant')
  return recordSettingsChange(ctx, actor, async (tx) => {
    const [row] = await tx.insert(zones).values({ tenantId, name: input.name, targets: input.targets, thresholds: input.thresholds, createdAt: ctx.now() }).returning()
    const zone = toZoneSettings(row!)
    return { tenantId, subject: 'zone', action: 'created', id: zone.id, message: serverMessage('messages.activity.zoneCreated', { actor: actor.user.name, name: zone.name }), result: zone, broadcast: zone }
  })
}

/** Changes a zone's name, targets or thresholds (maps are replaced whole). */
export function updateZone(ctx: DomainContext, actor: Actor, zoneId: number, input: ZoneChangeInput): Promise<ZoneSettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    await lockLiveZone(tx, actor, zoneId)
    const [row] = await tx.update(zones).set({ name: input.name, targets: input.targets, thresholds: input.thresholds }).where(eq(zones.id, zoneId)).returning()
    const zone = toZoneSettings(row!)
    return { tenantId: zone.tenantId, subject: 'zone', action: 'updated', id: zoneId, message: serverMessage('messages.activity.zoneChanged', { actor: actor.user.name, name: zone.name }), result: zone, broadcast: zone }
  })
}

/** Archives a zone: it leaves lists, its nodes become unassigned, its history stays readable. */
export function archiveZone(ctx: DomainContext, actor: Actor, zoneId: number): Promise<ZoneSettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    await lockLiveZone(tx, actor, zoneId)
    const [row] = await tx.update(zones).set({ archivedAt: ctx.now() }).where(eq(zones.id, zoneId)).returning()
    const moved = await tx.update(devices).set({ zoneId: null }).where(and(eq(devices.zoneId, zoneId), isNull(devices.archivedAt))).returning({ id: devices.id })
    await tx.update(telemetryLatest).set({ zoneId: null }).where(eq(telemetryLatest.zoneId, zoneId))
    const zone = toZoneSettings(row!)
    const message = moved.length > 0
      ? serverMessage('messages.activity.zoneDeletedWithNodes', { actor: actor.user.name, name: zone.name, count: moved.length })
      : serverMessage('messages.activity.zoneDeleted', { actor: actor.user.name, name: zone.name })
    return { tenantId: zone.tenantId, subject: 'zone', action: 'archived', id: zoneId, message, result: zone, broadcast: zone }
  })
}

async function lockLiveZone(tx: Database, actor: Actor, zoneId: number): Promise<void> {
  const [row] = await tx.select({ tenantId: zones.tenantId, archivedAt: zones.archivedAt }).from(zones).where(eq(zones.id, zoneId)).for('update')
  requireConfigure(actor, row?.tenantId, 'zone')
  requireLive(row!, 'zone')
}
