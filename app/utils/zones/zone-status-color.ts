// The badge colour of a zone status, the same on the zone list and a zone's page.
import type { ShownZoneStatus } from '#shared/zone-silence'

const COLORS: Record<ShownZoneStatus, 'error' | 'warning' | 'success' | 'neutral'> = { alert: 'error', warning: 'warning', ok: 'success', unknown: 'neutral' }

/** Red for alert, amber for warning, green for ok, grey when nobody knows. */
export function zoneStatusColor(status: ShownZoneStatus): 'error' | 'warning' | 'success' | 'neutral' {
  return COLORS[status]
}
