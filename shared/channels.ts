// Channel names of the catalogue in docs/architecture.md, built the same way by browser and server.

export type TenantStream = 'alerts' | 'events' | 'commands' | 'devices' | 'gateways' | 'fleet'

export const channels = {
  tenant: (tenantId: number, stream: TenantStream) => `private-tenant.${tenantId}.${stream}`,
  zone: (zoneId: number) => `private-zone.${zoneId}`,
  zoneCommands: (zoneId: number) => `private-zone.${zoneId}.commands`,
  zonePresence: (zoneId: number) => `presence-zone.${zoneId}`,
  gateway: (gatewayId: number) => `private-gateway.${gatewayId}`,
  vehicle: (vehicleId: number) => `private-vehicle.${vehicleId}`,
  user: (userId: number) => `private-user.${userId}`,
  system: 'system',
} as const
