// The dashboard's counters of a tenant, as /api/tenants/{t}/summary answers them.
import type { Severity, VehicleStatus } from './events'
import type { ShownZoneStatus } from './zone-silence'

export const ZONE_STATUSES = ['ok', 'warning', 'alert'] as const
export type ZoneStatus = (typeof ZONE_STATUSES)[number]

export const VEHICLE_STATUSES: readonly VehicleStatus[] = ['moving', 'stopped', 'parking', 'offline', 'no_gps']
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'critical']

export interface TenantSummary {
  /** By the status the zone pages show: 'unknown' for zones whose nodes are all silent. */
  zones: Record<ShownZoneStatus, number> & { total: number }
  gateways: { online: number, total: number }
  vehicles: Record<VehicleStatus, number> & { total: number }
  /** Alerts not yet acknowledged, by severity. */
  activeAlerts: Record<Severity, number> & { total: number }
}
