// Demo tenants, users and equipment, written once into an empty database so a newcomer can log in.
import { inArray } from 'drizzle-orm'
import type { Role } from '../../shared/access'
import type { ModbusTcpConnection } from '../../shared/modbus'
import { hashPassword, verifyPassword } from '../auth/password'
import type { Database } from './connection'
import type { DemoPassword } from './demo-password'
import { PUBLISHED_DEMO_PASSWORD } from './demo-password'
import { devices, gateways, tenants, users, vehicles, zones } from './schema'

const DEMO_TENANTS = [
  { slug: 'greenfield', name: 'Greenfield Farms', zones: ['Greenhouse A', 'Greenhouse B', 'Nursery'], gateways: ['Pump house', 'Boiler room'], vehicles: [{ name: 'Tractor 1' }, { name: 'Van 2', imei: '356307042440002' }] },
  { slug: 'northwind', name: 'Northwind Logistics', zones: ['Cold store'], gateways: ['Depot'], vehicles: [{ name: 'Truck 11', imei: '356307042440011' }, { name: 'Truck 12', imei: '356307042440012' }, { name: 'Truck 13' }] },
] as const

/** Slugs of the demo tenants (the simulator's extra vehicles go only into these). */
export const DEMO_TENANT_SLUGS: readonly string[] = DEMO_TENANTS.map(demo => demo.slug)

// Vehicles with an IMEI carry a (simulated) Teltonika tracker; the others report over HTTP.
/**
 * Demo gateways the simulator plays as Modbus TCP devices on this machine (it moves a gateway to a free port
 * when its port is taken); the others push their readings over HTTP. Only when the simulator is on at seeding:
 * with it off, nothing would answer their polls.
 */
const MODBUS_DEMO_GATEWAYS: Record<string, ModbusTcpConnection> = {
  'Boiler room': { protocol: 'modbus-tcp', host: '127.0.0.1', port: 15020, unitId: 1, pollIntervalMs: 2000, timeoutMs: 1000 },
  'Depot': { protocol: 'modbus-tcp', host: '127.0.0.1', port: 15021, unitId: 1, pollIntervalMs: 2000, timeoutMs: 1000 },
}
const DEMO_ROLES: Role[] = ['admin', 'operator', 'viewer']

/** Demo login e-mail of a role in a tenant. */
export function demoEmail(role: Role, tenantSlug: string): string {
  return `${role}@${tenantSlug}.example`
}

/**
 * Seeds the demo data, every account with `password`, when there is no tenant yet; returns whether it did.
 * `modbusGateways`: some demo gateways are polled over Modbus TCP from the simulator's devices (the simulator is on).
 */
export async function seedDemoData(db: Database, password: string = PUBLISHED_DEMO_PASSWORD, options: { modbusGateways?: boolean } = {}): Promise<boolean> {
  const existing = await db.select({ id: tenants.id }).from(tenants).limit(1)
  if (existing.length > 0) return false
  const passwordHash = await hashPassword(password)
  await db.transaction(async (tx) => {
    for (const demo of DEMO_TENANTS) {
      const [tenant] = await tx.insert(tenants).values({ name: demo.name, slug: demo.slug }).returning()
      const tenantId = tenant!.id
      await tx.insert(users).values(DEMO_ROLES.map(role => ({
        // The first tenant's admin owns the installation, as the first admin of /setup would.
        tenantId, role, passwordHash, isOwner: role === 'admin' && demo === DEMO_TENANTS[0], email: demoEmail(role, demo.slug), name: `${demo.name.split(' ')[0]} ${role}`,
      })))
      const zoneRows = await tx.insert(zones).values(demo.zones.map(name => ({ tenantId, name }))).returning()
      await tx.insert(devices).values([
        ...zoneRows.map((zone, index) => ({ tenantId, zoneId: zone.id, uid: `${demo.slug}-node-${index + 1}`, name: `${zone.name} node`, kind: 'sensor-node' })),
        { tenantId, zoneId: null, uid: `${demo.slug}-spare-1`, name: 'Spare node', kind: 'sensor-node' },
      ])
      await tx.insert(gateways).values(demo.gateways.map((name, index) => ({
        tenantId, name, serial: `${demo.slug.toUpperCase()}-GW-${index + 1}`,
        ...(options.modbusGateways && MODBUS_DEMO_GATEWAYS[name] ? { connection: MODBUS_DEMO_GATEWAYS[name] } : {}),
      })))
      await tx.insert(vehicles).values(demo.vehicles.map((vehicle, index) => ({ tenantId, name: vehicle.name, imei: 'imei' in vehicle ? vehicle.imei : null, plate: `${demo.slug.slice(0, 2).toUpperCase()} ${100 + index}` })))
    }
  })
  return true
}

/**
 * Gives the demo accounts that still have the published password `password` instead: a database
 * seeded while the server listened on loopback must not keep it once the server is reachable. Returns how many.
 */
export async function replacePublishedDemoPassword(db: Database, password: string): Promise<number> {
  const emails = DEMO_TENANTS.flatMap(demo => DEMO_ROLES.map(role => demoEmail(role, demo.slug)))
  const rows = await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(inArray(users.email, emails))
  const published = []
  for (const row of rows) if (await verifyPassword(PUBLISHED_DEMO_PASSWORD, row.passwordHash)) published.push(row.id)
  if (published.length > 0) await db.update(users).set({ passwordHash: await hashPassword(password) }).where(inArray(users.id, published))
  return published.length
}

/** Lines describing the demo logins, for the start-up log: a generated password only on the start that made it. */
export function demoLoginLines(password: DemoPassword, dataDir = '.data'): string[] {
  const shown = password.source === 'published' || password.fresh
    ? password.value
    : password.source === 'configured' ? '(DEMO_PASSWORD)' : `(the password in ${dataDir}/demo-password)`
  return DEMO_TENANTS.flatMap(demo => DEMO_ROLES.map(role => `${demo.name.padEnd(20)} ${role.padEnd(8)} ${demoEmail(role, demo.slug)} / ${shown}`))
}
