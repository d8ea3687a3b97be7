// Admins add nodes, rename them, assign them to a zone or none, and delete (archive) them.
import { and, eq, isNull, ne } from 'drizzle-orm'
import type { DeviceSettings } from '../../../shared/settings'
import type { Actor } from '../../auth/actor'
import type { Database } from '../../db/connection'
import { devices, telemetryLatest, zones } from '../../db/schema'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import { recordSettingsChange } from '../settings/settings-change'
import { requireConfigure, requireLive } from '../settings/settings-policy'
import type { DeviceChangeInput, NewDeviceInput } from './device-settings-schema'
import { toDeviceSettings } from './device-settings'
import { serverMessage } from '../../i18n/server-message'

const UNIQUE = { devices_tenant_uid_live_idx: 'uid' }

/** Adds a node to `tenantId`; 409 `uid` when a live node of the tenant has it. */
export function createDevice(ctx: DomainContext, actor: Actor, tenantId: number, input: NewDeviceInput): Promise<DeviceSettings> {
  requireConfigure(actor, tenantId, 'tenant')
  return recordSettingsChange(ctx, actor, async (tx) => {
    await requireFreeUid(tx, tenantId, input.uid)
    if (input.zoneId) await requireLiveZone(tx, tenantId, input.zoneId)
    const [row] = await tx.insert(devices).values({ tenantId, uid: input.uid, name: input.name, kind: input.kind, zoneId: input.zoneId ?? null, createdAt: ctx.now() }).returning()
    const device = toDeviceSettings(row!)
    return { tenantId, subject: 'device', action: 'created', id: device.id, message: serverMessage('messages.activity.nodeCreated', { actor: actor.user.name, name: device.name, uid: device.uid }), result: device, broadcast: device }
  }, UNIQUE)
}

/** Renames a node, changes its uid, or assigns it to a zone of its tenant (null: none). */
export function updateDevice(ctx: DomainContext, actor: Actor, deviceId: number, input: DeviceChangeInput): Promise<DeviceSettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    const current = await lockLiveDevice(tx, actor, deviceId)
    if (input.uid !== undefined && input.uid !== current.uid) await requireFreeUid(tx, current.tenantId, input.uid, deviceId)
    if (input.zoneId) await requireLiveZone(tx, current.tenantId, input.zoneId)
    const [row] = await tx.update(devices).set({ uid: input.uid, name: input.name, zoneId: input.zoneId }).where(eq(devices.id, deviceId)).returning()
    // The latest values follow the node, so the new zone's snapshot shows them at once.
    if (input.zoneId !== undefined) await tx.update(telemetryLatest).set({ zoneId: input.zoneId }).where(eq(telemetryLatest.deviceId, deviceId))
    const device = toDeviceSettings(row!)
    return { tenantId: device.tenantId, subject: 'device', action: 'updated', id: deviceId, message: serverMessage('messages.activity.nodeChanged', { actor: actor.user.name, name: device.name, uid: device.uid }), result: device, broadcast: device }
  }, UNIQUE)
}

/** Archives a node: it leaves lists and its zone, its uid is free again, its telemetry stays readable. */
export function archiveDevice(ctx: DomainContext, actor: Actor, deviceId: number): Promise<DeviceSettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    await lockLiveDevice(tx, actor, deviceId)
    const [row] = await tx.update(devices).set({ archivedAt: ctx.now() }).where(eq(devices.id, deviceId)).returning()
    const device = toDeviceSettings(row!)
    return { tenantId: device.tenantId, subject: 'device', action: 'archived', id: deviceId, message: serverMessage('messages.activity.nodeDeleted', { actor: actor.user.name, name: device.name, uid: device.uid }), result: device, broadcast: device }
  })
}

async function lockLiveDevice(tx: Database, actor: Actor, deviceId: number): Promise<typeof devices.$inferSelect> {
  const [row] = await tx.select().from(devices).where(eq(devices.id, deviceId)).for('update')
  requireConfigure(actor, row?.tenantId, 'device')
  requireLive(row!, 'device')
  return row!
}

async function requireFreeUid(tx: Database, tenantId: number, uid: string, exceptId?: number): Promise<void> {
  const [taken] = await tx.select({ id: devices.id }).from(devices)
    .where(and(eq(devices.tenantId, tenantId), eq(devices.uid, uid), isNull(devices.archivedAt), exceptId ? ne(devices.id, exceptId) : undefined)).limit(1)
  if (taken) throw new DomainError(409, 'uid', `a node with uid ${uid} exists already`, { code: 'validation.taken' })
}

async function requireLiveZone(tx: Database, tenantId: number, zoneId: number): Promise<void> {
  const [zone] = await tx.select({ id: zones.id }).from(zones).where(and(eq(zones.id, zoneId), eq(zones.tenantId, tenantId), isNull(zones.archivedAt))).limit(1)
  if (!zone) throw new DomainError(422, 'zoneId', `zone ${zoneId} is not a zone of your tenant`)
}
