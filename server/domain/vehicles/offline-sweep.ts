// The offline sweep: vehicles silent for a while turn 'offline', and the map hears about it.
import { and, isNotNull, lt, ne } from 'drizzle-orm'
import { channels } from '../../../shared/channels'
import type { PositionPayload } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import { vehicles } from '../../db/schema'
import type { DomainContext } from '../context'
import { queueFleetPosition } from './position-batches'
import { toPositionPayload } from './position-payload'

/**
 * Marks vehicles whose newest position is older than `afterSeconds` offline and broadcasts their last
 * position with status 'offline' (vehicle channel and the fleet batch); returns those payloads.
 */
export async function markOfflineVehicles(ctx: DomainContext, afterSeconds = 300): Promise<PositionPayload[]> {
  const cutoff = new Date(ctx.now().getTime() - afterSeconds * 1000)
  // One UPDATE decides and changes, so two sweeps (or a sweep and an ingest) never announce a change twice.
  const rows = await ctx.db.update(vehicles).set({ status: 'offline' })
    .where(and(ne(vehicles.status, 'offline'), isNotNull(vehicles.lastPositionAt), lt(vehicles.lastPositionAt, cutoff)))
    .returning()
  const payloads = rows.map(row => ({
    tenantId: row.tenantId,
    payload: toPositionPayload(row.id, { lat: row.lat ?? 0, lon: row.lon ?? 0, speed: row.speed ?? 0, course: row.course ?? 0, altitude: null, satellites: null, recordedAt: row.lastPositionAt! }, 'offline'),
  }))
  for (const { tenantId, payload } of payloads) {
    ctx.broadcaster.broadcast([channels.vehicle(payload.vehicleId)], EVENTS.position, payload)
    queueFleetPosition(ctx, tenantId, payload)
  }
  return payloads.map(item => item.payload)
}
