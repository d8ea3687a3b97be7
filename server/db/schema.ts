// The database schema, one definition for the embedded database (PGlite) and PostgreSQL.
import { sql } from 'drizzle-orm'
import { bigserial, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import type { GeozoneShape } from '../../shared/geozones'
import type { GatewayConnection } from '../../shared/modbus'
import type { ZoneThreshold } from '../../shared/zones'
import type { RawIoValues, VehicleSensors } from '../../shared/vehicles'
import { LOCALES } from '../../shared/locales'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
/** Set when deleted by a person: the row leaves lists and maps, its history stays readable, its id is never reused. */
const archivedAt = () => timestamp('archived_at', { withTimezone: true })

export const tenants = pgTable('tenants', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: createdAt(),
})

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ['admin', 'operator', 'viewer'] }).notNull(),
  passwordHash: text('password_hash').notNull(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  /** The installation's owner (the first admin): may create further tenants. */
  isOwner: boolean('is_owner').notNull().default(false),
  /** The language the user chose for the pages (shared/locales.ts); null: the browser's Accept-Language decides. */
  locale: text('locale', { enum: LOCALES }),
  createdAt: createdAt(),
}, table => [index('users_tenant_idx').on(table.tenantId)])

export const apiTokens = pgTable('api_tokens', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull(),
  abilities: text('abilities').array().notNull(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: createdAt(),
}, table => [index('api_tokens_user_idx').on(table.userId)])

/** Browser sessions: the sealed cookie names one by its secret; logout and disable delete it. */
export const sessions = pgTable('sessions', {
  id: serial('id').primaryKey(),
  userId: integer('user_id').notNull().references(() => users.id),
  /** SHA-256 of the random session secret carried in the sealed cookie. */
  secretHash: text('secret_hash').notNull().unique(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  address: text('address'),
  userAgent: text('user_agent'),
  createdAt: createdAt(),
}, table => [index('sessions_user_idx').on(table.userId), index('sessions_expires_idx').on(table.expiresAt)])

export const zones = pgTable('zones', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  status: text('status').notNull().default('ok'),
  targets: jsonb('targets').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  thresholds: jsonb('thresholds').$type<Record<string, ZoneThreshold>>().notNull().default(sql`'{}'::jsonb`),
  archivedAt: archivedAt(),
  createdAt: createdAt(),
}, table => [index('zones_tenant_idx').on(table.tenantId)])

export const devices = pgTable('devices', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  zoneId: integer('zone_id').references(() => zones.id),
  uid: text('uid').notNull(),
  name: text('name').notNull(),
  kind: text('kind').notNull(),
  config: jsonb('config').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  archivedAt: archivedAt(),
  createdAt: createdAt(),
}, table => [
  // Unique among live nodes: an archived node's uid may be given to its replacement.
  uniqueIndex('devices_tenant_uid_live_idx').on(table.tenantId, table.uid).where(sql`${table.archivedAt} IS NULL`),
  index('devices_tenant_uid_idx').on(table.tenantId, table.uid),
  index('devices_zone_idx').on(table.zoneId),
])

export const gateways = pgTable('gateways', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  serial: text('serial').notNull(),
  offlineAfterSeconds: integer('offline_after_seconds').notNull().default(60),
  online: boolean('online').notNull().default(false),
  lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
  /** Pushed readings, or Modbus TCP polling with its host and schedule (shared/modbus.ts). */
  connection: jsonb('connection').$type<GatewayConnection>().notNull().default({ protocol: 'push' }),
  // Poll health of a Modbus gateway, written by whichever node polls it so every node's API can show it.
  pollLastAt: timestamp('poll_last_at', { withTimezone: true }),
  pollDurationMs: integer('poll_duration_ms'),
  pollFailures: integer('poll_failures').notNull().default(0),
  pollLastError: text('poll_last_error'),
  archivedAt: archivedAt(),
  createdAt: createdAt(),
}, table => [
  index('gateways_tenant_idx').on(table.tenantId),
  uniqueIndex('gateways_tenant_serial_live_idx').on(table.tenantId, table.serial).where(sql`${table.archivedAt} IS NULL`),
])

export const vehicles = pgTable('vehicles', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  plate: text('plate').notNull(),
  /** The tracker's IMEI: a Teltonika handshake carries nothing else, so it is unique across the installation. */
  imei: text('imei'),
  status: text('status', { enum: ['moving', 'stopped', 'parking', 'offline', 'no_gps'] }).notNull().default('offline'),
  /** Newest position and sensors, kept on the row for the map's snapshot. */
  lat: doublePrecision('lat'),
  lon: doublePrecision('lon'),
  speed: doublePrecision('speed'),
  course: doublePrecision('course'),
  sensors: jsonb('sensors').$type<VehicleSensors>().notNull().default(sql`'{}'::jsonb`),
  speedLimit: doublePrecision('speed_limit').notNull().default(90),
  lastPositionAt: timestamp('last_position_at', { withTimezone: true }),
  archivedAt: archivedAt(),
  createdAt: createdAt(),
}, table => [
  index('vehicles_tenant_idx').on(table.tenantId),
  uniqueIndex('vehicles_imei_live_idx').on(table.imei).where(sql`${table.archivedAt} IS NULL`),
])

export const alerts = pgTable('alerts', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  zoneId: integer('zone_id').references(() => zones.id),
  gatewayId: integer('gateway_id').references(() => gateways.id),
  vehicleId: integer('vehicle_id').references(() => vehicles.id),
  deviceId: integer('device_id').references(() => devices.id),
  metric: text('metric'),
  value: doublePrecision('value'),
  severity: text('severity', { enum: ['info', 'warning', 'critical'] }).notNull(),
  kind: text('kind').notNull(),
  message: text('message').notNull(),
  status: text('status', { enum: ['active', 'acknowledged', 'resolved'] }).notNull().default('active'),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  acknowledgedBy: integer('acknowledged_by').references(() => users.id),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  resolvedBy: integer('resolved_by').references(() => users.id),
  createdAt: createdAt(),
}, table => [index('alerts_tenant_status_idx').on(table.tenantId, table.status, table.createdAt)])

export const activityEvents = pgTable('activity_events', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  kind: text('kind').notNull(),
  message: text('message').notNull(),
  actorUserId: integer('actor_user_id').references(() => users.id),
  subject: jsonb('subject').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  createdAt: createdAt(),
}, table => [index('activity_events_tenant_idx').on(table.tenantId, table.createdAt)])

export const commands = pgTable('commands', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  zoneId: integer('zone_id').notNull().references(() => zones.id),
  deviceId: integer('device_id').references(() => devices.id),
  kind: text('kind').notNull(),
  params: jsonb('params').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  status: text('status', { enum: ['queued', 'sent', 'acknowledged', 'succeeded', 'failed', 'timed_out'] }).notNull().default('queued'),
  error: text('error'),
  timeoutAt: timestamp('timeout_at', { withTimezone: true }),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, table => [index('commands_zone_idx').on(table.zoneId, table.createdAt), index('commands_tenant_idx').on(table.tenantId, table.createdAt)])

export const notifications = pgTable('notifications', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  userId: integer('user_id').notNull().references(() => users.id),
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull().default(''),
  readAt: timestamp('read_at', { withTimezone: true }),
  createdAt: createdAt(),
}, table => [index('notifications_user_idx').on(table.userId, table.createdAt)])

/** Telemetry time series: one row per metric value of a device node. */
export const telemetry = pgTable('telemetry', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  zoneId: integer('zone_id').references(() => zones.id),
  deviceId: integer('device_id').notNull().references(() => devices.id),
  metric: text('metric').notNull(),
  value: doublePrecision('value').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
}, table => [
  index('telemetry_device_metric_time_idx').on(table.deviceId, table.metric, table.recordedAt),
  index('telemetry_zone_time_idx').on(table.zoneId, table.recordedAt),
  index('telemetry_time_idx').on(table.recordedAt),
])

/** Latest value per device and metric: the snapshot a page reloads after a gap. */
export const telemetryLatest = pgTable('telemetry_latest', {
  deviceId: integer('device_id').notNull().references(() => devices.id),
  metric: text('metric').notNull(),
  zoneId: integer('zone_id').references(() => zones.id),
  value: doublePrecision('value').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
}, table => [primaryKey({ columns: [table.deviceId, table.metric] }), index('telemetry_latest_zone_idx').on(table.zoneId)])

/** A Modbus register of a gateway and how to read it. */
export const dataPoints = pgTable('data_points', {
  id: serial('id').primaryKey(),
  gatewayId: integer('gateway_id').notNull().references(() => gateways.id),
  register: integer('register').notNull(),
  function: text('function', { enum: ['holding', 'input', 'coil', 'discrete'] }).notNull().default('holding'),
  dataType: text('data_type', { enum: ['int16', 'uint16', 'int32', 'uint32', 'float32', 'bool'] }).notNull().default('uint16'),
  wordOrder: text('word_order', { enum: ['big', 'little'] }).notNull().default('big'),
  scale: doublePrecision('scale').notNull().default(1),
  valueOffset: doublePrecision('value_offset').notNull().default(0),
  unit: text('unit').notNull().default(''),
  label: text('label').notNull(),
  groupName: text('group_name').notNull().default('General'),
  lastValue: doublePrecision('last_value'),
  lastQuality: text('last_quality', { enum: ['good', 'uncertain', 'bad'] }),
  lastReadAt: timestamp('last_read_at', { withTimezone: true }),
  /** Why the latest poll could not read the point (last_value then stays the last good one); null after a good read. */
  lastError: text('last_error'),
  archivedAt: archivedAt(),
}, table => [
  // Coil 0 and holding register 0 are different things on one device.
  uniqueIndex('data_points_gateway_function_register_live_idx').on(table.gatewayId, table.function, table.register).where(sql`${table.archivedAt} IS NULL`),
  index('data_points_gateway_idx').on(table.gatewayId),
])

/** Readings time series of data points. */
export const readings = pgTable('readings', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  gatewayId: integer('gateway_id').notNull().references(() => gateways.id),
  dataPointId: integer('data_point_id').notNull().references(() => dataPoints.id),
  value: doublePrecision('value').notNull(),
  quality: text('quality', { enum: ['good', 'uncertain', 'bad'] }).notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
}, table => [index('readings_point_time_idx').on(table.dataPointId, table.recordedAt), index('readings_time_idx').on(table.recordedAt)])

/** GPS positions time series of vehicles. */
export const positions = pgTable('positions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  vehicleId: integer('vehicle_id').notNull().references(() => vehicles.id),
  lat: doublePrecision('lat').notNull(),
  lon: doublePrecision('lon').notNull(),
  speed: doublePrecision('speed').notNull().default(0),
  course: doublePrecision('course').notNull().default(0),
  altitude: doublePrecision('altitude'),
  satellites: integer('satellites'),
  /** The device's IO values Lookout does not interpret (trackers), as they came. */
  io: jsonb('io').$type<RawIoValues>(),
  /** The sensors reported with this fix (ignition splits trips; replay shows them); null when none came. */
  sensors: jsonb('sensors').$type<VehicleSensors>(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
}, table => [index('positions_vehicle_time_idx').on(table.vehicleId, table.recordedAt), index('positions_time_idx').on(table.recordedAt)])

/** A geozone: a polygon ([lon, lat] ring) or a circle (centre and radius in metres). */
export const geozones = pgTable('geozones', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  shape: jsonb('shape').$type<GeozoneShape>().notNull(),
  color: text('color').notNull().default('#2563eb'),
  createdAt: createdAt(),
}, table => [index('geozones_tenant_idx').on(table.tenantId)])

/** Which geozones each vehicle is inside now, for enter/exit detection. */
export const vehicleGeozones = pgTable('vehicle_geozones', {
  vehicleId: integer('vehicle_id').notNull().references(() => vehicles.id),
  geozoneId: integer('geozone_id').notNull().references(() => geozones.id, { onDelete: 'cascade' }),
  enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
}, table => [primaryKey({ columns: [table.vehicleId, table.geozoneId] })])

/** Geozone enter/exit events. */
export const geoEvents = pgTable('geo_events', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  vehicleId: integer('vehicle_id').notNull().references(() => vehicles.id),
  geozoneId: integer('geozone_id').references(() => geozones.id, { onDelete: 'set null' }),
  kind: text('kind', { enum: ['enter', 'exit'] }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
}, table => [index('geo_events_tenant_idx').on(table.tenantId, table.at)])

/** Text commands to a vehicle's tracker (Codec 12): queued until the tracker is connected, then sent one at a time. */
export const vehicleCommands = pgTable('vehicle_commands', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  vehicleId: integer('vehicle_id').notNull().references(() => vehicles.id),
  kind: text('kind', { enum: ['engine_block', 'engine_unblock', 'custom'] }).notNull(),
  text: text('text').notNull(),
  status: text('status', { enum: ['queued', 'sent', 'acknowledged', 'succeeded', 'failed', 'timed_out'] }).notNull().default('queued'),
  response: text('response'),
  error: text('error'),
  /** Set when sent: an unanswered command times out then. Queued ones wait for the tracker. */
  timeoutAt: timestamp('timeout_at', { withTimezone: true }),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, table => [index('vehicle_commands_vehicle_idx').on(table.vehicleId, table.status, table.createdAt)])

/** Every status change of a command, with who or what caused it. */
export const commandTransitions = pgTable('command_transitions', {
  id: serial('id').primaryKey(),
  commandId: integer('command_id').notNull().references(() => commands.id),
  status: text('status').notNull(),
  detail: text('detail'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
}, table => [index('command_transitions_command_idx').on(table.commandId)])

/** Stored answers of ingest requests by Idempotency-Key, so a device's retry creates nothing twice. */
export const idempotencyKeys = pgTable('idempotency_keys', {
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  key: text('key').notNull(),
  requestHash: text('request_hash').notNull(),
  statusCode: integer('status_code').notNull(),
  response: jsonb('response').notNull(),
  createdAt: createdAt(),
}, table => [primaryKey({ columns: [table.tenantId, table.key] }), index('idempotency_keys_created_idx').on(table.createdAt)])

/** Where each threshold rule (zone, node, metric) stands: since when it is breached, when it last raised an alert. */
export const thresholdStates = pgTable('threshold_states', {
  zoneId: integer('zone_id').notNull().references(() => zones.id),
  deviceId: integer('device_id').notNull().references(() => devices.id),
  metric: text('metric').notNull(),
  breachedSince: timestamp('breached_since', { withTimezone: true }),
  lastRaisedAt: timestamp('last_raised_at', { withTimezone: true }),
}, table => [primaryKey({ columns: [table.zoneId, table.deviceId, table.metric] })])

/** Webhook requests waiting to be sent or retried: the exact body per receiver, kept until a 2xx or the retry window ends. */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  url: text('url').notNull(),
  body: text('body').notNull(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: createdAt(),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  /** While a node is sending it: nobody else claims it before this time. */
  leasedUntil: timestamp('leased_until', { withTimezone: true }),
}, table => [index('webhook_deliveries_due_idx').on(table.nextAttemptAt)])
