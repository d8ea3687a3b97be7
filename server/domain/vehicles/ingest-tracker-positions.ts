// Tracker ingest: trackers name a record by its time and resend a whole packet when its ack got lost,
// so a position already stored for the vehicle at that exact time is skipped, not stored twice.
import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '../../db/connection'
import { positions, vehicles } from '../../db/schema'
import type { DomainContext } from '../context'
import type { IngestOutcome } from '../ingest-outcome'
import type { PositionsIngestResponse } from './ingest-positions'
import { ingestPositions } from './ingest-positions'
import type { PositionInput } from './position-schema'

export interface TrackerIngestResponse extends PositionsIngestResponse {
  /** Positions skipped because their vehicle already had one at that time. */
  duplicates: number
}

/** Stores positions (each with its `at`) as ingestPositions does, skipping those already stored for their vehicle and time. */
export async function ingestTrackerPositions(ctx: DomainContext, tx: Database, tenantId: number, input: { positions: Array<PositionInput & { at: string }> }): Promise<IngestOutcome<TrackerIngestResponse>> {
  const ids = [...new Set(input.positions.map(position => position.vehicleId))]
  // Locked before looking, so two connections of one tracker cannot both find a record new.
  await tx.select({ id: vehicles.id }).from(vehicles).where(and(eq(vehicles.tenantId, tenantId), inArray(vehicles.id, ids))).for('update')
  const stored = await tx.select({ vehicleId: positions.vehicleId, recordedAt: positions.recordedAt }).from(positions)
    .where(and(inArray(positions.vehicleId, ids), inArray(positions.recordedAt, input.positions.map(position => new Date(position.at)))))
  const seen = new Set(stored.map(row => `${row.vehicleId}@${row.recordedAt.getTime()}`))
  const fresh = input.positions.filter((position) => {
    const key = `${position.vehicleId}@${Date.parse(position.at)}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
  const duplicates = input.positions.length - fresh.length
  if (fresh.length === 0) return { response: { stored: 0, vehiclesUpdated: 0, geoEvents: 0, duplicates }, announce: () => {} }
  const outcome = await ingestPositions(ctx, tx, tenantId, { positions: fresh })
  return { response: { ...outcome.response, duplicates }, announce: outcome.announce }
}
