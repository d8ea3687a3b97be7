// SIMULATOR_VEHICLES=N: load for the fleet map. Each demo tenant gets plain vehicles (no tracker, so they
// report over the HTTP positions API in batches) until it has N, created on start and kept for the next one.
import { and, count, eq, inArray, isNull } from 'drizzle-orm'
import { insertMany } from '../db/bulk-insert'
import type { Database } from '../db/connection'
import { DEMO_TENANT_SLUGS } from '../db/demo-data'
import { tenants, vehicles } from '../db/schema'

/** The vehicle count SIMULATOR_VEHICLES asks for per demo tenant: undefined when unset; throws naming the variable when malformed. */
export function wantedVehicles(env: Record<string, string | undefined>): number | undefined {
  const raw = env.SIMULATOR_VEHICLES?.trim()
  if (!raw) return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > 100_000) throw new Error(`SIMULATOR_VEHICLES must be a whole number from 0 to 100000, got "${raw}"`)
  return value
}

/** The rows to add to a tenant holding `existing` vehicles so it has `wanted`, numbered on from `existing`. */
export function missingVehicleRows(tenantId: number, existing: number, wanted: number): Array<typeof vehicles.$inferInsert> {
  return Array.from({ length: Math.max(0, wanted - existing) }, (_, index) => {
    const number = existing + index + 1
    return { tenantId, name: `Simulated ${number}`, plate: `SIM ${number}`, imei: null }
  })
}

/** Tops every demo tenant up to `wanted` vehicles (archived ones do not count); returns how many it added. */
export async function addSimulatedVehicles(db: Database, wanted: number): Promise<number> {
  const demo = await db.select({ id: tenants.id }).from(tenants).where(inArray(tenants.slug, [...DEMO_TENANT_SLUGS]))
  let added = 0
  for (const tenant of demo) {
    const [row] = await db.select({ n: count() }).from(vehicles).where(and(eq(vehicles.tenantId, tenant.id), isNull(vehicles.archivedAt)))
    const rows = missingVehicleRows(tenant.id, row?.n ?? 0, wanted)
    await insertMany(db, vehicles, rows)
    added += rows.length
  }
  return added
}
