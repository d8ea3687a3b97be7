// Where an activity row, alert or notification leads: the page of the thing it is about.

/** The ids an activity's subject or an alert may name. */
export interface SubjectIds {
  zoneId?: unknown
  gatewayId?: unknown
  vehicleId?: unknown
  deviceId?: unknown
  alertId?: unknown
  geozoneId?: unknown
  userId?: unknown
  tokenId?: unknown
}

const id = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null)

/** The page of the most specific thing named: zone, gateway, vehicle, then node, alert, geozone; null for none. */
export function subjectLink(subject: SubjectIds): string | null {
  const zone = id(subject.zoneId)
  if (zone !== null) return `/zones/${zone}`
  const gateway = id(subject.gatewayId)
  if (gateway !== null) return `/gateways/${gateway}`
  const vehicle = id(subject.vehicleId)
  if (vehicle !== null) return `/map?vehicle=${vehicle}`
  if (id(subject.deviceId) !== null) return '/devices'
  if (id(subject.alertId) !== null) return '/alerts'
  if (id(subject.geozoneId) !== null) return '/map'
  if (id(subject.userId) !== null || id(subject.tokenId) !== null) return '/settings'
  return null
}

/** The page a notification of `kind` leads to (notifications carry their kind, not their subject's ids). */
export function notificationLink(kind: string): string | null {
  if (kind === 'alert') return '/alerts'
  if (kind === 'geozone' || kind === 'speeding') return '/map'
  return null
}
