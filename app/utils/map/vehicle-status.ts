// How each vehicle status looks: one colour for map, legend and list, and a badge colour (its words are `vehicles.status.*`).
import type { VehicleStatus } from '#shared/events'

export interface StatusLook {
  /** Hex colour on the map and in the legend. */
  color: string
  /** Nuxt UI badge colour in lists. */
  badge: 'success' | 'warning' | 'info' | 'neutral' | 'error'
}

export const STATUS_LOOKS: Record<VehicleStatus, StatusLook> = {
  moving: { color: '#16a34a', badge: 'success' },
  stopped: { color: '#d97706', badge: 'warning' },
  parking: { color: '#2563eb', badge: 'info' },
  offline: { color: '#6b7280', badge: 'neutral' },
  no_gps: { color: '#dc2626', badge: 'error' },
}

/** Statuses in legend order. */
export const STATUSES = Object.keys(STATUS_LOOKS) as VehicleStatus[]

/** The compass point of a course in degrees ("NE"), the key of its words in `vehicles.compass`. */
export function compassPoint(course: number): string {
  const points = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']
  return points[Math.round((((course % 360) + 360) % 360) / 45) % 8]!
}
