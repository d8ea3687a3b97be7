// Applies enter/exit detection to a request's positions: geo events, memberships, notifications, activity, each
// written in one statement for the whole request.
import { eq } from 'drizzle-orm'
import type { ActivityEventPayload, GeoEventPayload } from '../../../shared/events'
import { insertManyReturning } from '../../db/bulk-insert-returning'
import type { Database } from '../../db/connection'
import { geoEvents, geozones } from '../../db/schema'
import { storeActivityBatch } from '../activity-batch'
import type { PendingNotification } from '../notification-batch'
import { serverMessage } from '../../i18n/server-message'
import { loadMemberships, saveMemberships } from './geozone-memberships'
import type { MembershipChange } from './geozone-memberships'
import type { TrackPoint, Transition } from './transitions'
import { detectionZones, geozoneTransitions } from './transitions'

export interface VehicleTrack {
  vehicle: { id: number, name: string }
  /** Positions with a GPS fix, newer than the vehicle's stored latest, in time order. */
  points: TrackPoint[]
}

export interface GeozoneOutcome {
  geoEvents: GeoEventPayload[]
  /** A notification per crossing, for the caller to store with the request's others (see storeNotificationBatch). */
  notifications: PendingNotification[]
  activity: ActivityEventPayload[]
}

/** Detects and stores the enter/exit events of the tracks against the tenant's geozones. */
export async function trackGeozones(tx: Database, tenantId: number, tracks: VehicleTrack[]): Promise<GeozoneOutcome> {
  const outcome: GeozoneOutcome = { geoEvents: [], notifications: [], activity: [] }
  const moving = tracks.filter(track => track.points.length > 0)
  if (moving.length === 0) return outcome
  const zones = await tx.select({ id: geozones.id, name: geozones.name, shape: geozones.shape }).from(geozones).where(eq(geozones.tenantId, tenantId))
  const memberships = await loadMemberships(tx, moving.map(track => track.vehicle.id))
  const detection = detectionZones(zones)
  const found: Array<Transition & { vehicleId: number }> = []
  const changes: MembershipChange[] = []
  for (const track of moving) {
    const before = memberships.get(track.vehicle.id) ?? new Map<number, Date>()
    const { transitions, inside } = geozoneTransitions(detection, before, track.points)
    found.push(...transitions.map(transition => ({ ...transition, vehicleId: track.vehicle.id })))
    changes.push({ vehicleId: track.vehicle.id, before, after: inside })
  }
  await saveMemberships(tx, changes)
  if (found.length === 0) return outcome
  const rows = await insertManyReturning(tx, geoEvents, found.map(event => ({ tenantId, vehicleId: event.vehicleId, geozoneId: event.geozoneId, kind: event.kind, at: event.at })))
  const zoneNames = new Map(zones.map(zone => [zone.id, zone.name]))
  const vehicleNames = new Map(moving.map(track => [track.vehicle.id, track.vehicle.name]))
  const activity = rows.map((row) => {
    const event: GeoEventPayload = { id: row.id, vehicleId: row.vehicleId, geozoneId: row.geozoneId, geozoneName: zoneNames.get(row.geozoneId!)!, kind: row.kind, at: row.at.toISOString() }
    const which = row.kind === 'enter' ? 'geozoneEntered' : 'geozoneExited'
    const params = { vehicle: vehicleNames.get(row.vehicleId)!, geozone: event.geozoneName, at: event.at }
    outcome.geoEvents.push(event)
    outcome.notifications.push({ input: { tenantId, kind: 'geozone', code: `messages.notifications.${which}`, params }, at: row.at })
    return {
      input: {
        tenantId, kind: row.kind === 'enter' ? 'geozone.entered' : 'geozone.exited', message: serverMessage(`messages.activity.${which}`, params),
        subject: { vehicleId: row.vehicleId, geozoneId: row.geozoneId, geoEventId: row.id },
      },
      at: row.at,
    }
  })
  outcome.activity = await storeActivityBatch(tx, activity)
  return outcome
}
