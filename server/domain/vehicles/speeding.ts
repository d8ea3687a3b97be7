// Speeding: one notification when a vehicle goes over its limit, not one per point while it stays over.
import type { Database } from '../../db/connection'
import { storeNotifications } from '../notifications'
import type { StoredNotification } from '../notifications'

/** The points where an excursion over `limit` starts, given the speed stored before them. */
export function speedingStarts<P extends { speed: number }>(previousSpeed: number | null, points: P[], limit: number): P[] {
  const starts: P[] = []
  let over = previousSpeed !== null && previousSpeed > limit
  for (const point of points) {
    if (point.speed > limit && !over) starts.push(point)
    over = point.speed > limit
  }
  return starts
}

/** Stores a 'speeding' notification for every user of the tenant per excursion start. */
export async function storeSpeedingNotifications(
  tx: Database, tenantId: number, vehicle: { name: string, speedLimit: number }, starts: Array<{ speed: number, lat: number, lon: number, recordedAt: Date }>,
): Promise<StoredNotification[]> {
  const stored: StoredNotification[] = []
  for (const start of starts) {
    stored.push(...await storeNotifications(tx, {
      tenantId, kind: 'speeding', code: 'messages.notifications.speeding',
      params: { vehicle: vehicle.name, speed: Math.round(start.speed), limit: vehicle.speedLimit, lat: start.lat.toFixed(5), lon: start.lon.toFixed(5), at: start.recordedAt.toISOString() },
    }, start.recordedAt))
  }
  return stored
}
