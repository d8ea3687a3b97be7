// Broadcast event names of the catalogue in docs/architecture.md and their payloads, used by browser and server.
// Timestamps are ISO-8601 strings.
import type { MessageParams } from './server-message'

export const EVENTS = {
  alertCreated: 'alert.created',
  alertUpdated: 'alert.updated',
  eventCreated: 'event.created',
  commandStatus: 'command.status',
  commandFailed: 'command.failed',
  deviceUpdated: 'device.updated',
  gatewayStatusChanged: 'gateway.status-changed',
  positionBatch: 'position.batch',
  position: 'position',
  geoEvent: 'geo.event',
  zoneUpdated: 'zone.updated',
  telemetryBatchUpdated: 'telemetry.batch.updated',
  readingNew: 'reading.new',
  notification: 'notification',
  systemAlert: 'system.alert',
  /** Something was configured (see shared/settings.ts), on `private-tenant.{t}.events`. */
  settingsChanged: 'settings.changed',
} as const

export type EventName = (typeof EVENTS)[keyof typeof EVENTS]

export type Severity = 'info' | 'warning' | 'critical'
export type AlertStatus = 'active' | 'acknowledged' | 'resolved'
export type CommandStatus = 'queued' | 'sent' | 'acknowledged' | 'succeeded' | 'failed' | 'timed_out'
export type Quality = 'good' | 'uncertain' | 'bad'
export type VehicleStatus = 'moving' | 'stopped' | 'parking' | 'offline' | 'no_gps'

export interface AlertPayload {
  id: number
  tenantId: number
  zoneId: number | null
  gatewayId: number | null
  vehicleId: number | null
  deviceId: number | null
  metric: string | null
  value: number | null
  severity: Severity
  kind: string
  /** English text; render `messageCode` with `messageParams` for the reader's language (see useServerMessage). */
  message: string
  messageCode: string | null
  messageParams: MessageParams
  status: AlertStatus
  createdAt: string
  acknowledgedAt: string | null
  acknowledgedBy: number | null
  /** The name of the user who acknowledged it (null when nobody did, or when not looked up). */
  acknowledgedByName: string | null
  resolvedAt: string | null
  /** Null when the system resolved it (the condition cleared). */
  resolvedBy: number | null
  resolvedByName: string | null
}

export interface ActivityEventPayload {
  id: number
  tenantId: number
  kind: string
  message: string
  messageCode: string | null
  messageParams: MessageParams
  actorUserId: number | null
  subject: Record<string, unknown>
  createdAt: string
}

export interface CommandPayload {
  id: number
  tenantId: number
  zoneId: number
  deviceId: number | null
  kind: string
  params: Record<string, unknown>
  status: CommandStatus
  error: string | null
  createdBy: number | null
  createdAt: string
  updatedAt: string
}

export interface DevicePayload {
  id: number
  tenantId: number
  zoneId: number | null
  uid: string
  name: string
  kind: string
  lastSeenAt: string | null
}

export interface ZonePayload {
  id: number
  tenantId: number
  name: string
  status: string
}

export interface TelemetrySample {
  deviceId: number
  metric: string
  value: number
  recordedAt: string
}

/** `telemetry.batch.updated` on `private-zone.{z}`: samples gathered over the batch interval. */
export interface TelemetryBatchPayload {
  zoneId: number
  samples: TelemetrySample[]
}

export interface GatewayStatusPayload {
  id: number
  tenantId: number
  online: boolean
  lastContactAt: string | null
}

/** A data point's value as read (or pushed) at `recordedAt`. */
export interface ValueReading {
  dataPointId: number
  value: number
  quality: Quality
  recordedAt: string
  error?: undefined
}

/**
 * A polled point whose read failed: its last good value and that value's time, or null and the poll's time when
 * it was never read well (a page must still learn that the point is failing, and why).
 */
export interface FailedReading {
  dataPointId: number
  value: number | null
  quality: 'bad'
  recordedAt: string
  error: string
}

/** `reading.new` on `private-gateway.{g}`. */
export interface ReadingPayload {
  gatewayId: number
  readings: Array<ValueReading | FailedReading>
}

/** One GPS fix (speed km/h, course degrees), as stored and as sent. */
export interface PositionFix {
  lat: number
  lon: number
  speed: number
  course: number
  altitude: number | null
  satellites: number | null
}

export interface PositionPayload extends PositionFix {
  vehicleId: number
  recordedAt: string
  status: VehicleStatus
}

/** `position.batch` on `private-tenant.{t}.fleet`: the newest position of each vehicle that moved. */
export interface PositionBatchPayload {
  positions: PositionPayload[]
}

export interface GeoEventPayload {
  id: number
  vehicleId: number
  geozoneId: number | null
  geozoneName: string
  kind: 'enter' | 'exit'
  at: string
}

export interface NotificationPayload {
  id: number
  kind: string
  title: string
  body: string
  /** Title and body are `<messageCode>.title` and `<messageCode>.body` of the catalogue. */
  messageCode: string | null
  messageParams: MessageParams
  createdAt: string
  readAt: string | null
}
