// Position ingest: stores a vehicle's GPS fixes, moves its latest position and status, detects geozone
// enter/exit and speeding, and announces it all after the commit.
import { channels } from '../../../shared/channels'
import type { ActivityEventPayload, GeoEventPayload, PositionPayload } from '../../../shared/events'
import { EVENTS } from '../../../shared/events'
import { insertMany } from '../../db/bulk-insert'
import type { Database } from '../../db/connection'
import { positions } from '../../db/schema'
import { announceActivity } from '../activity'
import type { DomainContext } from '../context'
import type { IngestOutcome } from '../ingest-outcome'
import type { StoredNotification } from '../notifications'
import { announceNotifications } from '../notifications'
import type { PendingNotification } from '../notification-batch'
import { storeNotificationBatch } from '../notification-batch'
import type { VehicleTrack } from '../geozones/geozone-tracking'
import { trackGeozones } from '../geozones/geozone-tracking'
import { byVehicleInTimeOrder, incomingPositions } from './incoming-positions'
import { queueFleetPosition } from './position-batches'
import type { PositionsIngestInput } from './position-schema'
import { speedingNotifications, speedingStarts } from './speeding'
import { lockTenantVehicles } from './tenant-vehicles'
import type { FreshTrack } from './vehicle-latest'
import { newerThanLatest, updateLatest } from './vehicle-latest'

export interface PositionsIngestResponse {
  /** Positions stored (all of them, old resent ones included). */
  stored: number
  /** Vehicles whose latest position moved forward. */
  vehiclesUpdated: number
  geoEvents: number
}

/**
 * Stores positions of the tenant's vehicles (422 naming `vehicleId` for another tenant's). Only positions
 * newer than a vehicle's latest drive its status, geozones and speeding: a resent old point joins the
 * track without rewinding the map. Points without a GPS fix (satellites 0) skip geozone detection.
 */
export async function ingestPositions(ctx: DomainContext, tx: Database, tenantId: number, input: PositionsIngestInput): Promise<IngestOutcome<PositionsIngestResponse>> {
  const incoming = incomingPositions(input, ctx.now())
  const locked = await lockTenantVehicles(tx, tenantId, incoming)
  await insertMany(tx, positions, incoming.map(({ sensors, field: _field, ...position }) => ({ tenantId, ...position, sensors: sensors ?? null })))
  const speeding: PendingNotification[] = []
  const moved: FreshTrack[] = []
  const tracks: VehicleTrack[] = []
  for (const [vehicleId, points] of byVehicleInTimeOrder(incoming)) {
    const vehicle = locked.get(vehicleId)!
    const fresh = newerThanLatest(vehicle, points)
    if (fresh.length === 0) continue
    speeding.push(...speedingNotifications(tenantId, vehicle, speedingStarts(vehicle.speed, fresh, vehicle.speedLimit)))
    moved.push({ vehicle, fresh })
    tracks.push({ vehicle, points: fresh.filter(point => point.satellites !== 0).map(point => ({ lon: point.lon, lat: point.lat, at: point.recordedAt })) })
  }
  const latest = await updateLatest(tx, moved)
  const geozones = await trackGeozones(tx, tenantId, tracks)
  const notifications = await storeNotificationBatch(tx, [...speeding, ...geozones.notifications])
  return {
    response: { stored: incoming.length, vehiclesUpdated: latest.length, geoEvents: geozones.geoEvents.length },
    announce: committed => announcePositions(committed, tenantId, latest, geozones.geoEvents, notifications, geozones.activity),
  }
}

function announcePositions(ctx: DomainContext, tenantId: number, latest: PositionPayload[], geoEvents: GeoEventPayload[], notifications: StoredNotification[], activity: ActivityEventPayload[]): void {
  for (const position of latest) {
    ctx.broadcaster.broadcast([channels.vehicle(position.vehicleId)], EVENTS.position, position)
    queueFleetPosition(ctx, tenantId, position)
  }
  for (const event of geoEvents) ctx.broadcaster.broadcast([channels.vehicle(event.vehicleId), channels.tenant(tenantId, 'fleet')], EVENTS.geoEvent, event)
  announceNotifications(ctx, notifications)
  announceActivity(ctx, activity)
}
