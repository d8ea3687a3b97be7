// Admins add vehicles, change them and delete (archive) them; an IMEI belongs to one live vehicle of the installation.
import { and, eq, isNull, ne } from 'drizzle-orm'
import type { VehicleSettings } from '../../../shared/settings'
import type { Actor } from '../../auth/actor'
import type { Database } from '../../db/connection'
import { vehicleGeozones, vehicles } from '../../db/schema'
import type { DomainContext } from '../context'
import { DomainError } from '../errors'
import { recordSettingsChange } from '../settings/settings-change'
import { requireConfigure, requireLive } from '../settings/settings-policy'
import type { NewVehicleInput, VehicleChangeInput } from './vehicle-settings-schema'
import { toVehicleSettings } from './vehicle-settings'
import { serverMessage } from '../../i18n/server-message'

const UNIQUE = { vehicles_imei_live_idx: 'imei' }

/** Adds a vehicle to `tenantId`; 409 `imei` when any live vehicle of the installation has it. */
export function createVehicle(ctx: DomainContext, actor: Actor, tenantId: number, input: NewVehicleInput): Promise<VehicleSettings> {
  requireConfigure(actor, tenantId, 'tenant')
  return recordSettingsChange(ctx, actor, async (tx) => {
    if (input.imei) await requireFreeImei(tx, input.imei)
    const [row] = await tx.insert(vehicles).values({ tenantId, name: input.name, plate: input.plate, imei: input.imei ?? null, speedLimit: input.speedLimit, createdAt: ctx.now() }).returning()
    const vehicle = toVehicleSettings(row!)
    return { tenantId, subject: 'vehicle', action: 'created', id: vehicle.id, message: serverMessage('messages.activity.vehicleCreated', { actor: actor.user.name, name: vehicle.name, plate: vehicle.plate }), result: vehicle, broadcast: vehicle }
  }, UNIQUE)
}

/** Changes a vehicle's name, plate, IMEI or speed limit. */
export function updateVehicle(ctx: DomainContext, actor: Actor, vehicleId: number, input: VehicleChangeInput): Promise<VehicleSettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    const current = await lockLiveVehicle(tx, actor, vehicleId)
    if (input.imei && input.imei !== current.imei) await requireFreeImei(tx, input.imei, vehicleId)
    const [row] = await tx.update(vehicles).set({ name: input.name, plate: input.plate, imei: input.imei, speedLimit: input.speedLimit }).where(eq(vehicles.id, vehicleId)).returning()
    const vehicle = toVehicleSettings(row!)
    return { tenantId: vehicle.tenantId, subject: 'vehicle', action: 'updated', id: vehicleId, message: serverMessage('messages.activity.vehicleChanged', { actor: actor.user.name, name: vehicle.name, plate: vehicle.plate }), result: vehicle, broadcast: vehicle }
  }, UNIQUE)
}

/** Archives a vehicle: it leaves the fleet list and map, its IMEI is free again, its track stays readable. */
export function archiveVehicle(ctx: DomainContext, actor: Actor, vehicleId: number): Promise<VehicleSettings> {
  return recordSettingsChange(ctx, actor, async (tx) => {
    await lockLiveVehicle(tx, actor, vehicleId)
    const [row] = await tx.update(vehicles).set({ archivedAt: ctx.now() }).where(eq(vehicles.id, vehicleId)).returning()
    // It is in no geozone any more; past enter/exit events stay.
    await tx.delete(vehicleGeozones).where(eq(vehicleGeozones.vehicleId, vehicleId))
    const vehicle = toVehicleSettings(row!)
    return { tenantId: vehicle.tenantId, subject: 'vehicle', action: 'archived', id: vehicleId, message: serverMessage('messages.activity.vehicleDeleted', { actor: actor.user.name, name: vehicle.name, plate: vehicle.plate }), result: vehicle, broadcast: vehicle }
  })
}

async function lockLiveVehicle(tx: Database, actor: Actor, vehicleId: number): Promise<typeof vehicles.$inferSelect> {
  const [row] = await tx.select().from(vehicles).where(eq(vehicles.id, vehicleId)).for('update')
  requireConfigure(actor, row?.tenantId, 'vehicle')
  requireLive(row!, 'vehicle')
  return row!
}

async function requireFreeImei(tx: Database, imei: string, exceptId?: number): Promise<void> {
  // Across tenants on purpose, and worded without saying whose it is.
  const [taken] = await tx.select({ id: vehicles.id }).from(vehicles)
    .where(and(eq(vehicles.imei, imei), isNull(vehicles.archivedAt), exceptId ? ne(vehicles.id, exceptId) : undefined)).limit(1)
  if (taken) throw new DomainError(409, 'imei', `IMEI ${imei} is registered already`)
}
