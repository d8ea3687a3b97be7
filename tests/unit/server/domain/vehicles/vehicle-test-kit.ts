// Shared by the vehicle and geozone tests: running an ingest as the route does, and resetting vehicle state.
import { sql } from 'drizzle-orm'
import type { Database, DatabaseHandle } from '../../../../../server/db/connection'
import { activityEvents, geoEvents, geozones, notifications, positions, vehicleGeozones, vehicles } from '../../../../../server/db/schema'
import type { DomainContext, DomainSettings } from '../../../../../server/domain/context'
import { ingestPositions } from '../../../../../server/domain/vehicles/ingest-positions'
import type { PositionsIngestResponse } from '../../../../../server/domain/vehicles/ingest-positions'
import { positionsIngestSchema } from '../../../../../server/domain/vehicles/position-schema'
import type { TestContext } from '../domain-context'
import { commitThenAnnounce, testContext } from '../domain-context'

/** Validates `body` like the route, ingests it in a transaction and announces after the commit. */
export async function ingest(ctx: DomainContext, tenantId: number, body: unknown): Promise<PositionsIngestResponse> {
  const input = positionsIngestSchema.parse(body)
  return commitThenAnnounce(ctx, tx => ingestPositions(ctx, tx, tenantId, input))
}

/** Forgets every position, geozone, geo event, notification and activity, and every vehicle's latest. */
export async function resetVehicleState(db: Database): Promise<void> {
  await db.delete(geoEvents)
  await db.delete(vehicleGeozones)
  await db.delete(geozones)
  await db.delete(positions)
  await db.delete(notifications)
  await db.delete(activityEvents)
  await db.update(vehicles).set({ status: 'offline', lat: null, lon: null, speed: null, course: null, sensors: sql`'{}'::jsonb`, speedLimit: 90, lastPositionAt: null })
}

/** What each vehicle and geozone test starts from: no vehicle state (see resetVehicleState) and a new test context. */
export async function freshVehicleContext(handle: DatabaseHandle, settings: Partial<DomainSettings> = {}): Promise<TestContext> {
  await resetVehicleState(handle.db)
  return testContext(handle, settings)
}

/** Row count of a table. */
export async function countRows(db: Database, table: typeof positions | typeof geoEvents | typeof notifications | typeof activityEvents | typeof vehicleGeozones): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table)
  return row!.n
}

/** ISO time `seconds` after `start`. */
export function isoAfter(start: Date, seconds: number): string {
  return new Date(start.getTime() + seconds * 1000).toISOString()
}
