// The Settings lists of equipment: zones, nodes (devices), gateways and vehicles of the signed-in tenant.
import type { DevicePayload } from '#shared/events'
import { defineResourceStore } from './resource-store'

export interface ZoneSettingsRow { id: number, name: string, status: string, nodes: number }
export interface GatewaySettingsRow { id: number, name: string, serial: string, offlineAfterSeconds: number, online: boolean }
export interface VehicleSettingsRow { id: number, name: string, plate: string, imei: string | null, speedLimit: number | null }

export const useZoneSettingsStore = defineResourceStore<ZoneSettingsRow>('settings-zones', {
  list: tenantId => `/api/tenants/${tenantId}/zones`,
  create: tenantId => `/api/tenants/${tenantId}/zones`,
  item: id => `/api/zones/${id}`,
  subjects: ['zone'],
})

export const useNodeSettingsStore = defineResourceStore<DevicePayload>('settings-nodes', {
  list: tenantId => `/api/tenants/${tenantId}/devices`,
  create: tenantId => `/api/tenants/${tenantId}/devices`,
  item: id => `/api/devices/${id}`,
  subjects: ['device', 'zone'],
})

export const useGatewaySettingsStore = defineResourceStore<GatewaySettingsRow>('settings-gateways', {
  list: tenantId => `/api/tenants/${tenantId}/gateways`,
  create: tenantId => `/api/tenants/${tenantId}/gateways`,
  item: id => `/api/gateways/${id}`,
  subjects: ['gateway'],
})

export const useVehicleSettingsStore = defineResourceStore<VehicleSettingsRow>('settings-vehicles', {
  list: tenantId => `/api/tenants/${tenantId}/vehicles`,
  create: tenantId => `/api/tenants/${tenantId}/vehicles`,
  item: id => `/api/vehicles/${id}`,
  subjects: ['vehicle'],
})
