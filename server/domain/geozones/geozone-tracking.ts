// Applies enter/exit detection to a request's positions: geo events, memberships, notifications, activity.
import { and, eq, inArray, sql } from 'drizzle-orm'
import type { ActivityEventPayload, GeoEventPayload } from '../../../shared/events'
import type { Database } from '../../db/connection'
import { geoEvents, geozones, vehicleGeozones } from '../../db/schema'
import { storeActivity } from '../activity'
import type { StoredNotification } from '../notifications'
import { storeNotifications } from '../notifications'
import type { TrackPoint, Transition } from './transitions'
import { geozoneTransitions } from './transitions'
import { serverMessage } from '../../i18n/server-message'

export interface VehicleTrack {
  vehicle: { id: number, name: string }
  /** Positions with a GPS fix, newer than the vehicle's stored latest, in time order. */
  points: TrackPoint[]
}

export interface GeozoneOutcome {
  geoEvents: GeoEventPayload[]
  notifications: StoredNotification[]
  activity: ActivityEventPayload[]
}

/** Detects and stores the enter/exit events of the tracks against the tenant's geozones. */
export async function trackGeozones(tx: Database, tenantId: number, tracks: VehicleTrack[]): Promise<GeozoneOutcome> {
  const outcome: GeozoneOutcome = { geoEvents: [], notifications: [], activity: [] }
  const moving = tracks.filter(track => track.points.length > 0)
  if (moving.length === 0) return outcome
  const zones = await tx.select({ id: geozones.id, name: geozones.name, shape: geozones.shape }).from(geozones).where(eq(geozones.tenantId, tenantId))
  const memberships = await tx.select().from(vehicleGeozones).where(inArray(vehicleGeozones.vehicleId, moving.map(track => track.vehicle.id)))
  const membershipsOf = new Map<number, Map<number, Date>>()
  for (const row of memberships) (membershipsOf.get(row.vehicleId) ?? membershipsOf.set(row.vehicleId, new Map()).get(row.vehicleId)!).set(row.geozoneId, row.enteredAt)
  const found: Array<Transition & { vehicleId: number }> = []
  for (const track of moving) {
    const before = membershipsOf.get(track.vehicle.id) ?? new Map<number, Date>()
    const { transitions, inside } = geozoneTransitions(zones, before, track.points)
    found.push(...transitions.map(transition => ({ ...transition, vehicleId: track.vehicle.id })))
    await saveMemberships(tx, track.vehicle.id, before, inside)
  }
  if (found.length === 0) return outcome
  const rows = await tx.insert(geoEvents).values(found.map(event => ({ tenantId, vehicleId: event.vehicleId, geozoneId: event.geozoneId, kind: event.kind, at: event.at }))).returning()
  const zoneNames = new Map(zones.map(zone => [zone.id, zone.name]))
  const vehicleNames = new Map(moving.map(track => [track.vehicle.id, track.vehicle.name]))
  for (const row of rows) {
    const event: GeoEventPayload = { id: row.id, vehicleId: row.vehicleId, geozoneId: row.geozoneId, geozoneName: zoneNames.get(row.geozoneId!)!, kind: row.kind, at: row.at.toISOString() }
    const which = row.kind === 'enter' ? 'geozoneEntered' : 'geozoneExited'
    const params = { vehicle: vehicleNames.get(row.vehicleId)!, geozone: event.geozoneName, at: event.at }
    outcome.geoEvents.push(event)
    outcome.notifications.push(...await storeNotifications(tx, { tenantId, kind: 'geozone', code: `messages.notifications.${which}`, params }, row.at))
    outcome.activity.push(await storeActivity(tx, {
      tenantId, kind: row.kind === 'enter' ? 'geozone.entered' : 'geozone.exited', message: serverMessage(`messages.activity.${which}`, params),
      subject: { vehicleId: row.vehicleId, geozoneId: row.geozoneId, geoEventId: row.id },
    }, row.at))
  }
  return outcome
}

// Writes only what changed: left geozones are deleted, new (or re-entered) ones upserted with their entry time.
async function saveMemberships(tx: Database, vehicleId: number, before: ReadonlyMap<number, Date>, after: ReadonlyMap<number, Date>): Promise<void> {
  const left = [...before.keys()].filter(geozoneId => !after.has(geozoneId))
  if (left.length > 0) await tx.delete(vehicleGeozones).where(and(eq(vehicleGeozones.vehicleId, vehicleId), inArray(vehicleGeozones.geozoneId, left)))
  const entered = [...after].filter(([geozoneId, at]) => before.get(geozoneId)?.getTime() !== at.getTime())
  if (entered.length === 0) return
  await tx.insert(vehicleGeozones).values(entered.map(([geozoneId, enteredAt]) => ({ vehicleId, geozoneId, enteredAt })))
    .onConflictDoUpdate({ target: [vehicleGeozones.vehicleId, vehicleGeozones.geozoneId], set: { enteredAt: sql`excluded.entered_at` } })
}
