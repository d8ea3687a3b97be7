// What the Settings pages read and write through the REST API, and the `settings.changed` broadcast that
// tells other open browsers something was configured.
import type { Ability, Role } from './access'
import type { DevicePayload } from './events'
import type { DataPointView } from './gateways'
import type { GatewayConnection } from './modbus'
import type { ZoneTargets, ZoneThresholds } from './zones'

/** A zone as the settings routes answer it. */
export interface ZoneSettings {
  id: number
  tenantId: number
  name: string
  status: string
  targets: ZoneTargets
  thresholds: ZoneThresholds
  archivedAt: string | null
  createdAt: string
}

/** A node (device) as the settings routes answer it: what `device.updated` carries, and its record dates. */
export interface DeviceSettings extends DevicePayload {
  archivedAt: string | null
  createdAt: string
}

/** A gateway as the settings routes answer it. */
export interface GatewaySettings {
  id: number
  tenantId: number
  name: string
  serial: string
  offlineAfterSeconds: number
  /** How readings arrive: pushed over HTTP/MQTT, or polled by Lookout over Modbus TCP. */
  connection: GatewayConnection
  online: boolean
  lastContactAt: string | null
  archivedAt: string | null
  createdAt: string
}

/** A vehicle as the settings routes answer it. */
export interface VehicleSettings {
  id: number
  tenantId: number
  name: string
  plate: string
  imei: string | null
  speedLimit: number
  status: string
  archivedAt: string | null
  createdAt: string
}

/** A user of a tenant as the user routes answer it (never the password hash). */
export interface UserSettings {
  id: number
  tenantId: number
  email: string
  name: string
  role: Role
  isOwner: boolean
  disabledAt: string | null
  createdAt: string
}

/** An API token as listed (the secret is shown once, at creation only). */
export interface TokenSettings {
  id: number
  name: string
  abilities: Ability[]
  userId: number
  lastUsedAt: string | null
  expiresAt: string | null
  revokedAt: string | null
  createdAt: string
}

export type SettingsSubject = 'zone' | 'device' | 'gateway' | 'data-point' | 'vehicle' | 'user' | 'token'
export type SettingsAction = 'created' | 'updated' | 'archived' | 'revoked'

/**
 * `settings.changed` on `private-tenant.{t}.events`: something was configured. `data` is the changed
 * resource as its REST route answers it; null for users and tokens, which only admins may read (their
 * pages fetch the list again).
 */
export interface SettingsChangedPayload {
  tenantId: number
  subject: SettingsSubject
  action: SettingsAction
  id: number
  actorUserId: number
  data: ZoneSettings | DeviceSettings | GatewaySettings | DataPointView | VehicleSettings | null
}

/** `GET /api/setup`: whether this installation still needs its first tenant and admin. */
export interface SetupState {
  needed: boolean
}
