// Speeding: one notification when a vehicle goes over its limit, not one per point while it stays over.
import type { PendingNotification } from '../notification-batch'

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

/** A 'speeding' notification per excursion start, for the request's one notification batch (storeNotificationBatch). */
export function speedingNotifications(
  tenantId: number, vehicle: { name: string, speedLimit: number }, starts: Array<{ speed: number, lat: number, lon: number, recordedAt: Date }>,
): PendingNotification[] {
  return starts.map(start => ({
    input: {
      tenantId, kind: 'speeding', code: 'messages.notifications.speeding',
      params: { vehicle: vehicle.name, speed: Math.round(start.speed), limit: vehicle.speedLimit, lat: start.lat.toFixed(5), lon: start.lon.toFixed(5), at: start.recordedAt.toISOString() },
    },
    at: start.recordedAt,
  }))
}
