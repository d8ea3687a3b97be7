import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { demoEmail, demoLoginLines, replacePublishedDemoPassword, seedDemoData } from '../../../../server/db/demo-data'
import { PUBLISHED_DEMO_PASSWORD as DEMO_PASSWORD } from '../../../../server/db/demo-password'
import { devices, gateways, tenants, users, vehicles, zones } from '../../../../server/db/schema'
import { verifyPassword } from '../../../../server/auth/password'
import { ROLES } from '../../../../shared/access'
import { createEmptyDatabase } from '../test-database'

let handle: DatabaseHandle
let firstSeed: boolean

beforeAll(async () => {
  handle = await createEmptyDatabase()
  firstSeed = await seedDemoData(handle.db)
}, 30_000)

afterAll(async () => {
  await handle?.close()
})

describe('seedDemoData', () => {
  it('seeds an empty database and reports that it did', () => {
    expect(firstSeed).toBe(true)
  })

  it('seeds only once: a second call returns false and adds nothing', async () => {
    const before = await Promise.all([tenants, users, zones, devices, gateways, vehicles].map(table => handle.db.$count(table)))
    await expect(seedDemoData(handle.db)).resolves.toBe(false)
    const after = await Promise.all([tenants, users, zones, devices, gateways, vehicles].map(table => handle.db.$count(table)))
    expect(after).toEqual(before)
  })

  it('creates the two demo tenants, greenfield first', async () => {
    const rows = await handle.db.select({ id: tenants.id, slug: tenants.slug, name: tenants.name }).from(tenants).orderBy(asc(tenants.id))
    expect(rows).toEqual([
      { id: 1, slug: 'greenfield', name: 'Greenfield Farms' },
      { id: 2, slug: 'northwind', name: 'Northwind Logistics' },
    ])
  })

  it('creates an admin, an operator and a viewer per tenant, with the documented e-mails', async () => {
    const rows = await handle.db.select({ email: users.email, role: users.role, tenantId: users.tenantId, disabledAt: users.disabledAt })
      .from(users).orderBy(asc(users.id))
    expect(rows).toHaveLength(6)
    const expected = [[1, 'greenfield'], [2, 'northwind']].flatMap(([tenantId, slug]) =>
      ROLES.map(role => ({ email: demoEmail(role, slug as string), role, tenantId, disabledAt: null })))
    expect(rows).toEqual(expected)
    expect(rows.map(row => row.email)).toContain('admin@greenfield.example')
    expect(rows.map(row => row.email)).toContain('viewer@northwind.example')
  })

  it('builds demo e-mails as role@slug.example', () => {
    expect(demoEmail('operator', 'greenfield')).toBe('operator@greenfield.example')
  })

  it('stores a hash of DEMO_PASSWORD (not the password) that verifies', async () => {
    const [row] = await handle.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, demoEmail('viewer', 'northwind')))
    expect(row!.passwordHash.startsWith('scrypt$')).toBe(true)
    expect(row!.passwordHash).not.toContain(DEMO_PASSWORD)
    await expect(verifyPassword(DEMO_PASSWORD, row!.passwordHash)).resolves.toBe(true)
    await expect(verifyPassword('wrong-password', row!.passwordHash)).resolves.toBe(false)
  })

  it('gives each tenant its own zones, gateways and vehicles', async () => {
    const names = async (table: typeof zones | typeof gateways | typeof vehicles, tenantId: number) =>
      (await handle.db.select({ name: table.name }).from(table).where(eq(table.tenantId, tenantId)).orderBy(asc(table.id))).map(row => row.name)
    expect(await names(zones, 1)).toEqual(['Greenhouse A', 'Greenhouse B', 'Nursery'])
    expect(await names(zones, 2)).toEqual(['Cold store'])
    expect(await names(gateways, 1)).toEqual(['Pump house', 'Boiler room'])
    expect(await names(gateways, 2)).toEqual(['Depot'])
    expect(await names(vehicles, 1)).toEqual(['Tractor 1', 'Van 2'])
    expect(await names(vehicles, 2)).toEqual(['Truck 11', 'Truck 12', 'Truck 13'])
  })

  it('puts one node in each zone of the same tenant plus one spare node without a zone', async () => {
    const rows = await handle.db.select({ tenantId: devices.tenantId, zoneId: devices.zoneId, uid: devices.uid, zoneTenant: zones.tenantId })
      .from(devices).leftJoin(zones, eq(zones.id, devices.zoneId)).orderBy(asc(devices.id))
    expect(rows.map(row => row.uid)).toEqual([
      'greenfield-node-1', 'greenfield-node-2', 'greenfield-node-3', 'greenfield-spare-1',
      'northwind-node-1', 'northwind-spare-1',
    ])
    for (const row of rows) {
      if (row.zoneId === null) expect(row.uid).toMatch(/-spare-1$/)
      else expect(row.zoneTenant).toBe(row.tenantId)
    }
  })

  it('gives gateways serials and vehicles plates derived from the tenant slug', async () => {
    const serials = (await handle.db.select({ serial: gateways.serial }).from(gateways).orderBy(asc(gateways.id))).map(row => row.serial)
    expect(serials).toEqual(['GREENFIELD-GW-1', 'GREENFIELD-GW-2', 'NORTHWIND-GW-1'])
    const plates = (await handle.db.select({ plate: vehicles.plate }).from(vehicles).orderBy(asc(vehicles.id))).map(row => row.plate)
    expect(plates).toEqual(['GR 100', 'GR 101', 'NO 100', 'NO 101', 'NO 102'])
  })

  it('makes every demo gateway a pushed one unless asked for the simulator\'s Modbus gateways', async () => {
    const connections = (await handle.db.select({ connection: gateways.connection }).from(gateways)).map(row => row.connection)
    expect(connections).toEqual([{ protocol: 'push' }, { protocol: 'push' }, { protocol: 'push' }])
  })

  it('with the simulator\'s Modbus gateways, polls the Boiler room and the Depot on loopback and leaves the Pump house pushed', async () => {
    const other = await createEmptyDatabase()
    try {
      await seedDemoData(other.db, DEMO_PASSWORD, { modbusGateways: true })
      const rows = await other.db.select({ name: gateways.name, connection: gateways.connection }).from(gateways).orderBy(asc(gateways.id))
      expect(rows.map(row => [row.name, row.connection.protocol])).toEqual([['Pump house', 'push'], ['Boiler room', 'modbus-tcp'], ['Depot', 'modbus-tcp']])
      expect(rows[1]!.connection).toMatchObject({ host: '127.0.0.1', unitId: 1 })
    }
    finally {
      await other.close()
    }
  }, 30_000)

  it('lists one login line per demo user, with e-mail and password', () => {
    const lines = demoLoginLines({ value: DEMO_PASSWORD, source: 'published', fresh: false })
    expect(lines).toHaveLength(6)
    expect(lines[0]).toContain('admin@greenfield.example / lookout-demo')
    expect(lines[5]).toContain('viewer@northwind.example / lookout-demo')
  })

  it('prints a generated password on the start that made it only, and never a configured one', () => {
    expect(demoLoginLines({ value: 'fresh-one', source: 'generated', fresh: true }, '/srv/data')[0]).toContain('/ fresh-one')
    expect(demoLoginLines({ value: 'fresh-one', source: 'generated', fresh: false }, '/srv/data')[0]).toContain('/ (the password in /srv/data/demo-password)')
    expect(demoLoginLines({ value: 'mine', source: 'configured', fresh: false }).join('\n')).not.toContain('mine')
  })

  it('replaces the published password of the demo accounts, once', async () => {
    expect(await replacePublishedDemoPassword(handle.db, 'not-published-any-more')).toBe(6)
    expect(await replacePublishedDemoPassword(handle.db, 'not-published-any-more')).toBe(0)
    const [row] = await handle.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, demoEmail('viewer', 'northwind')))
    await expect(verifyPassword('not-published-any-more', row!.passwordHash)).resolves.toBe(true)
  }, 60_000)
})
