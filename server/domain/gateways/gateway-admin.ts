// Admins add gateways, change them and delete (archive) them; serials are unique among a tenant's live gateways.
import { and, eq, isNull, ne } from 'drizzle-orm'
import type { GatewaySettings } from '../../../shared/settings'
import type { Actor } from '../../auth/actor'
import type { Database } from '../../db/connection'
import { gateways } from '../../db/schema'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import { recordSettingsChange } from '../settings/settings-change'
import { requireConfigure, requireLive } from '../settings/settings-policy'
import type { GatewayChangeInput, NewGatewayInput } from './gateway-settings-schema'
import { toGatewaySettings } from './gateway-settings'
import { serverMessage } from '../../i18n/server-message'

const UNIQUE = { gateways_tenant_serial_live_idx: 'serial' }

/** Adds a gateway to `tenantId`; 409 `serial` when a live gateway of the tenant has it. */
export function createGateway(ctx: DomainContext, actor: Actor, tenantId: number, input: NewGatewayInput): Promise<GatewaySettings> {
  requireConfigure(actor, tenantId, 'tenant')
  return recordSettingsChange(ctx, actor, async (tx) => {
    await requireFreeSerial(tx, tenantId, input.serial)
    const [row] = await tx.insert(gateways).values({ tenantId, name: input.name, serial: input.serial, offlineAfterSeconds: input.offlineAfterSeconds, connection: input.connection, createdAt: ctx.now() }).returning()
    const gateway = toGatewaySettings(row!)
    return { tenantId, subject: 'gateway', action: 'created', id: gateway.id, message: serverMessage('messages.activity.gatewayCreated', { actor: actor.user.name, name: gateway.name, serial: gateway.serial }), result: gateway, broadcast: gateway }
  }, UNIQUE)
}

/** Changes a gateway's name, serial, offline delay or connection (a new connection starts with fresh poll health). */
export function updateGateway(ctx: DomainContext, actor: Actor, gatewayId: number, input: GatewayChangeInput): Promise<GatewaySettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    const current = await lockLiveGateway(tx, actor, gatewayId)
    if (input.serial !== undefined && input.serial !== current.serial) await requireFreeSerial(tx, current.tenantId, input.serial, gatewayId)
    const [row] = await tx.update(gateways).set({
      name: input.name, serial: input.serial, offlineAfterSeconds: input.offlineAfterSeconds, connection: input.connection,
      ...(input.connection ? { pollFailures: 0, pollLastError: null } : {}),
    }).where(eq(gateways.id, gatewayId)).returning()
    const gateway = toGatewaySettings(row!)
    return { tenantId: gateway.tenantId, subject: 'gateway', action: 'updated', id: gatewayId, message: serverMessage('messages.activity.gatewayChanged', { actor: actor.user.name, name: gateway.name, serial: gateway.serial }), result: gateway, broadcast: gateway }
  }, UNIQUE)
}

/** Archives a gateway: it leaves lists, its serial is free again, its readings stay readable. */
export function archiveGateway(ctx: DomainContext, actor: Actor, gatewayId: number): Promise<GatewaySettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    await lockLiveGateway(tx, actor, gatewayId)
    const [row] = await tx.update(gateways).set({ archivedAt: ctx.now(), online: false }).where(eq(gateways.id, gatewayId)).returning()
    const gateway = toGatewaySettings(row!)
    return { tenantId: gateway.tenantId, subject: 'gateway', action: 'archived', id: gatewayId, message: serverMessage('messages.activity.gatewayDeleted', { actor: actor.user.name, name: gateway.name, serial: gateway.serial }), result: gateway, broadcast: gateway }
  })
}

async function lockLiveGateway(tx: Database, actor: Actor, gatewayId: number): Promise<typeof gateways.$inferSelect> {
  const [row] = await tx.select().from(gateways).where(eq(gateways.id, gatewayId)).for('update')
  requireConfigure(actor, row?.tenantId, 'gateway')
  requireLive(row!, 'gateway')
  return row!
}

async function requireFreeSerial(tx: Database, tenantId: number, serial: string, exceptId?: number): Promise<void> {
  const [taken] = await tx.select({ id: gateways.id }).from(gateways)
    .where(and(eq(gateways.tenantId, tenantId), eq(gateways.serial, serial), isNull(gateways.archivedAt), exceptId ? ne(gateways.id, exceptId) : undefined)).limit(1)
  if (taken) throw new DomainError(409, 'serial', `a gateway with serial ${serial} exists already`, { code: 'validation.taken' })
}
