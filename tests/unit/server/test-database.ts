// A throwaway database with the migrations applied, for unit tests: PGlite in memory, or a fresh
// database on the PostgreSQL server named by TEST_DATABASE_URL (CI runs the suite on both).
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { asc, eq } from 'drizzle-orm'
import { afterAll, beforeAll } from 'vitest'
import type { Ability, Role } from '../../../shared/access'
import { ROLE_ABILITIES, ROLES } from '../../../shared/access'
import type { Actor } from '../../../server/auth/actor'
import { activeUser } from '../../../server/auth/actor'
import type { Database, DatabaseHandle } from '../../../server/db/connection'
import { openDatabase } from '../../../server/db/connection'
import type { QueryObserver } from '../../../server/db/query-timing'
import { demoEmail, seedDemoData } from '../../../server/db/demo-data'
import { gateways, tenants, users, vehicles, zones } from '../../../server/db/schema'

export const MIGRATIONS = fileURLToPath(new URL('../../../server/db/migrations', import.meta.url))

export const DEMO_SLUGS = ['greenfield', 'northwind'] as const
export type DemoSlug = (typeof DEMO_SLUGS)[number]

/** Which database the tests run on. */
export const TEST_DATABASE_KIND = process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded'

/** An empty, migrated database (its statements reported to `onQuery` when given). Close it with `handle.close()` in afterAll. */
export async function createEmptyDatabase(onQuery?: QueryObserver): Promise<DatabaseHandle> {
  const handle = await openDatabase({ url: await freshPostgresDatabase(), dataDir: 'memory://', onQuery })
  await handle.migrate(MIGRATIONS)
  return handle
}

/** With TEST_DATABASE_URL, a new empty database on that server (dropped with the server); else undefined. */
async function freshPostgresDatabase(): Promise<string | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) return undefined
  const name = `lookout_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  }
  finally {
    await admin.end()
  }
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** A migrated in-memory database holding the demo data (two tenants, six users, equipment). */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const handle = await createEmptyDatabase()
  const seeded = await seedDemoData(handle.db)
  if (!seeded) throw new Error('demo data was not seeded into a fresh database')
  return handle
}

/** The id of a demo tenant, read from the database. */
export async function tenantId(db: Database, slug: DemoSlug): Promise<number> {
  const [row] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug))
  if (!row) throw new Error(`no tenant ${slug}`)
  return row.id
}

/** The id of a demo user, read from the database. */
export async function demoUserId(db: Database, role: Role, slug: DemoSlug): Promise<number> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, demoEmail(role, slug)))
  if (!row) throw new Error(`no user ${demoEmail(role, slug)}`)
  return row.id
}

/** The ids of one tenant's equipment, each list in insertion order. */
export interface Equipment {
  zones: number[]
  gateways: number[]
  vehicles: number[]
}

/** Ids of a tenant's zones, gateways and vehicles, in insertion order. */
export async function equipmentOf(db: Database, tenant: number): Promise<Equipment> {
  const ids = (rows: Array<{ id: number }>) => rows.map(row => row.id)
  return {
    zones: ids(await db.select({ id: zones.id }).from(zones).where(eq(zones.tenantId, tenant)).orderBy(asc(zones.id))),
    gateways: ids(await db.select({ id: gateways.id }).from(gateways).where(eq(gateways.tenantId, tenant)).orderBy(asc(gateways.id))),
    vehicles: ids(await db.select({ id: vehicles.id }).from(vehicles).where(eq(vehicles.tenantId, tenant)).orderBy(asc(vehicles.id))),
  }
}

/**
 * An actor for a demo user as a session would build it (abilities of the role), or as a token would
 * when `options.abilities` narrows them or `options.via` is 'token'.
 */
export async function demoActor(
  db: Database, role: Role, slug: DemoSlug, options: { via?: Actor['via'], abilities?: readonly Ability[] } = {},
): Promise<Actor> {
  const user = await activeUser(db, await demoUserId(db, role, slug))
  if (!user) throw new Error(`demo user ${demoEmail(role, slug)} is not active`)
  const via = options.via ?? 'session'
  return {
    user,
    abilities: new Set(options.abilities ?? ROLE_ABILITIES[user.role]),
    via,
    ...(via === 'token' ? { tokenId: 1, credential: 'token:1' } : { csrf: 'test-csrf', credential: 'session:test' }),
  }
}

/** A fresh demo database and the demo ids the tests pick from it. */
export interface DemoDatabase {
  handle: DatabaseHandle
  /** Tenant ids. */
  greenfield: number
  northwind: number
  greenfieldGear: Equipment
  northwindGear: Equipment
  /** Greenfield's first two zones (Greenhouse A and Greenhouse B). */
  zoneA: number
  zoneB: number
  /** Northwind's first zone. */
  zoneNorth: number
  /** Northwind's vehicles. */
  trucks: number[]
  /** Greenfield's vehicles. */
  tractors: number[]
  /** User ids of each tenant's admin, operator and viewer, in that order. */
  greenfieldUsers: number[]
  northwindUsers: number[]
}

/** Reads the demo ids out of a database holding the demo data. */
export async function demoIdsOf(handle: DatabaseHandle): Promise<DemoDatabase> {
  const db = handle.db
  const greenfield = await tenantId(db, 'greenfield')
  const northwind = await tenantId(db, 'northwind')
  const greenfieldGear = await equipmentOf(db, greenfield)
  const northwindGear = await equipmentOf(db, northwind)
  const [zoneA, zoneB] = greenfieldGear.zones
  const [zoneNorth] = northwindGear.zones
  if (zoneA === undefined || zoneB === undefined || zoneNorth === undefined) throw new Error('the demo data lacks zones')
  return {
    handle, greenfield, northwind, greenfieldGear, northwindGear, zoneA, zoneB, zoneNorth,
    trucks: northwindGear.vehicles,
    tractors: greenfieldGear.vehicles,
    greenfieldUsers: await Promise.all(ROLES.map(role => demoUserId(db, role, 'greenfield'))),
    northwindUsers: await Promise.all(ROLES.map(role => demoUserId(db, role, 'northwind'))),
  }
}

/**
 * Registers the hooks of a test file on a fresh demo database: beforeAll opens it and hands it with the demo
 * ids to `receive` (copy what the file uses into its own variables there), afterAll closes it.
 */
export function useDemoDatabase(receive: (demo: DemoDatabase) => unknown): void {
  let handle: DatabaseHandle | undefined
  beforeAll(async () => {
    handle = await createTestDatabase()
    await receive(await demoIdsOf(handle))
  }, 30_000)
  afterAll(async () => {
    await handle?.close()
  })
}
