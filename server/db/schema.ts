// The database schema, one definition for the embedded database (PGlite) and PostgreSQL.
import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()

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

export const zones = pgTable('zones', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  status: text('status').notNull().default('ok'),
  targets: jsonb('targets').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  thresholds: jsonb('thresholds').$type<Record<string, { min?: number, max?: number }>>().notNull().default(sql`'{}'::jsonb`),
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
  createdAt: createdAt(),
}, table => [uniqueIndex('devices_tenant_uid_idx').on(table.tenantId, table.uid), index('devices_zone_idx').on(table.zoneId)])

export const gateways = pgTable('gateways', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  serial: text('serial').notNull(),
  offlineAfterSeconds: integer('offline_after_seconds').notNull().default(60),
  online: boolean('online').notNull().default(false),
  lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
  createdAt: createdAt(),
}, table => [index('gateways_tenant_idx').on(table.tenantId)])

export const vehicles = pgTable('vehicles', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  name: text('name').notNull(),
  plate: text('plate').notNull(),
  status: text('status').notNull().default('offline'),
  createdAt: createdAt(),
}, table => [index('vehicles_tenant_idx').on(table.tenantId)])

export const alerts = pgTable('alerts', {
  id: serial('id').primaryKey(),
  tenantId: integer('tenant_id').notNull().references(() => tenants.id),
  zoneId: integer('zone_id').references(() => zones.id),
  gatewayId: integer('gateway_id').references(() => gateways.id),
  vehicleId: integer('vehicle_id').references(() => vehicles.id),
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
  status: text('status').notNull().default('queued'),
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
