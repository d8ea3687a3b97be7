// Shared helpers of the zones, alerts and commands tests: running telemetry ingest as the route does, finding nodes.
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Database } from '../../../../../server/db/connection'
import { devices, thresholdStates, zones } from '../../../../../server/db/schema'
import type { TelemetryIngestResult } from '../../../../../server/domain/zones/telemetry-ingest'
import { ingestTelemetry } from '../../../../../server/domain/zones/telemetry-ingest'
import type { TelemetryInput } from '../../../../../server/domain/zones/telemetry-schema'
import { telemetryInput } from '../../../../../server/domain/zones/telemetry-schema'
import type { ZoneThreshold } from '../../../../../shared/zones'
import type { TestContext } from '../domain-context'
import { commitThenAnnounce } from '../domain-context'

/** Validates `body` like the route, ingests it in one transaction, then announces (as after commit). */
export async function sendTelemetry(ctx: TestContext, tenant: number, body: unknown): Promise<TelemetryIngestResult> {
  const input: TelemetryInput = telemetryInput.parse(body)
  return commitThenAnnounce(ctx, tx => ingestTelemetry(ctx, tx, tenant, input))
}

/** The first device node of a zone. */
export async function nodeOf(db: Database, zoneId: number) {
  const [row] = await db.select().from(devices).where(eq(devices.zoneId, zoneId)).orderBy(asc(devices.id)).limit(1)
  if (!row) throw new Error(`zone ${zoneId} has no node`)
  return row
}

/** A node of the tenant that is in no zone. */
export async function unassignedNodeOf(db: Database, tenant: number) {
  const [row] = await db.select().from(devices).where(and(eq(devices.tenantId, tenant), isNull(devices.zoneId))).orderBy(asc(devices.id)).limit(1)
  if (!row) throw new Error(`tenant ${tenant} has no unassigned node`)
  return row
}

/**
 * Sets a zone's thresholds (replacing whatever the demo data put there), clears its rules' states and resets
 * its status. A threshold without a delay of its own gets delay 0, so a test's one breaching sample raises.
 */
export async function setThresholds(db: Database, zoneId: number, thresholds: Record<string, ZoneThreshold>): Promise<void> {
  const immediate = Object.fromEntries(Object.entries(thresholds).map(([metric, threshold]) => [metric, { delaySeconds: 0, ...threshold }]))
  await db.update(zones).set({ thresholds: immediate, status: 'ok' }).where(eq(zones.id, zoneId))
  await db.delete(thresholdStates).where(eq(thresholdStates.zoneId, zoneId))
}

/** Every channel broadcast to, once. */
export function channelsOf(sent: Array<{ channels: string[] }>): string[] {
  return [...new Set(sent.flatMap(item => item.channels))]
}
