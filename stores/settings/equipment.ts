// The Settings lists of equipment: zones, nodes (devices), gateways and vehicles of the signed-in tenant.
import type { DeviceSettings, GatewaySettings, VehicleSettings, ZoneSettings } from '#shared/settings'
import { defineResourceStore } from './resource-store'

/** A zone as GET /api/tenants/{t}/zones lists it: its settings with its node count. */
export type ZoneSettingsRow = Omit<ZoneSettings, 'archivedAt' | 'createdAt'> & { nodes: number }

export const useZoneSettingsStore = defineResourceStore<ZoneSettingsRow>('settings-zones', {
  list: tenantId => `/api/tenants/${tenantId}/zones`,
  create: tenantId => `/api/tenants/${tenantId}/zones`,
  item: id => `/api/zones/${id}`,
  subjects: ['zone'],
})

export const useNodeSettingsStore = defineResourceStore<DeviceSettings>('settings-nodes', {
  list: tenantId => `/api/tenants/${tenantId}/devices`,
  create: tenantId => `/api/tenants/${tenantId}/devices`,
  item: id => `/api/devices/${id}`,
  subjects: ['device', 'zone'],
})

export const useGatewaySettingsStore = defineResourceStore<GatewaySettings>('settings-gateways', {
  list: tenantId => `/api/tenants/${tenantId}/gateways`,
  create: tenantId => `/api/tenants/${tenantId}/gateways`,
  item: id => `/api/gateways/${id}`,
  subjects: ['gateway'],
})

export const useVehicleSettingsStore = defineResourceStore<VehicleSettings>('settings-vehicles', {
  list: tenantId => `/api/tenants/${tenantId}/vehicles`,
  create: tenantId => `/api/tenants/${tenantId}/vehicles`,
  item: id => `/api/vehicles/${id}`,
  subjects: ['vehicle'],
})
