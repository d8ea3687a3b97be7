// The list of devices in no zone, kept current from `device.updated`, and when a device counts as stale.
import type { DevicePayload } from '#shared/events'
import { olderThan } from '../time/relative-time'

/** A device that has not reported for this long gets a stale hint. */
export const DEVICE_STALE_AFTER_MS = 10 * 60_000

/**
 * The list after an update: a device that got a zone leaves it, an unassigned one is added (newest id first,
 * as the API lists them) or replaced, unless the update is older than what the list shows.
 */
export function applyDeviceUpdate(devices: DevicePayload[], update: DevicePayload): DevicePayload[] {
  const rest = devices.filter(device => device.id !== update.id)
  if (update.zoneId !== null) return rest
  const shown = devices.find(device => device.id === update.id)
  if (shown?.lastSeenAt && update.lastSeenAt && Date.parse(update.lastSeenAt) < Date.parse(shown.lastSeenAt)) return devices
  return [...rest, update].sort((a, b) => b.id - a.id)
}

/** 'never' before a device's first report, 'stale' after a long silence, 'fresh' otherwise. */
export function deviceFreshness(lastSeenAt: string | null, now: number): 'never' | 'stale' | 'fresh' {
  if (lastSeenAt === null) return 'never'
  return olderThan(lastSeenAt, DEVICE_STALE_AFTER_MS, now) ? 'stale' : 'fresh'
}
