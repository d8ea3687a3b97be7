import { describe, expect, it } from 'vitest'
import { max } from 'drizzle-orm'
import type { Actor } from '../../../../server/auth/actor'
import type { DatabaseHandle } from '../../../../server/db/connection'
import { gateways, vehicles, zones } from '../../../../server/db/schema'
import type { Decision } from '../../../../server/domain/policies'
import {
  authorizeAdmin, authorizeGateway, authorizeOwnUser, authorizeTenant, authorizeVehicle, authorizeZone, holds,
} from '../../../../server/domain/policies'
import { ROLES } from '../../../../shared/access'
import type { Equipment } from '../test-database'
import { demoActor, useDemoDatabase } from '../test-database'

let handle: DatabaseHandle
let greenfield: number
let northwind: number
let greenfieldGear: Equipment
let northwindGear: Equipment
let missing: { zone: number, gateway: number, vehicle: number }

function reason(decision: Decision): string {
  if (decision.allowed) throw new Error('expected a refusal')
  return decision.reason
}

/** The reason with every number replaced, to compare templates. */
function template(decision: Decision): string {
  return reason(decision).replace(/\d+/g, '#')
}

useDemoDatabase(async (demo) => {
  ({ handle, greenfield, northwind, greenfieldGear, northwindGear } = demo)
  const next = async (table: typeof zones | typeof gateways | typeof vehicles) => {
    const [row] = await handle.db.select({ highest: max(table.id) }).from(table)
    return (row?.highest ?? 0) + 100
  }
  missing = { zone: await next(zones), gateway: await next(gateways), vehicle: await next(vehicles) }
})

describe('holds', () => {
  it('allows an ability the actor holds and names a missing one', async () => {
    const viewer = await demoActor(handle.db, 'viewer', 'greenfield')
    expect(holds(viewer, 'read')).toEqual({ allowed: true })
    expect(holds(viewer, 'command')).toEqual({ allowed: false, reason: 'requires the "command" ability' })
  })
})

describe('authorizeTenant', () => {
  it.each(ROLES)('allows a %s their own tenant and refuses the other one', async (role) => {
    const actor = await demoActor(handle.db, role, 'greenfield')
    expect(authorizeTenant(actor, greenfield)).toEqual({ allowed: true })
    expect(authorizeTenant(actor, northwind)).toEqual({ allowed: false, reason: `tenant ${northwind} is not the user's tenant` })
  })

  it('refuses a tenant id that does not exist', async () => {
    const actor = await demoActor(handle.db, 'admin', 'northwind')
    expect(authorizeTenant(actor, 999).allowed).toBe(false)
  })

  it('refuses a token narrowed to abilities without "read", even for the own tenant', async () => {
    const ingestOnly = await demoActor(handle.db, 'admin', 'greenfield', { via: 'token', abilities: ['ingest'] })
    expect(authorizeTenant(ingestOnly, greenfield)).toEqual({ allowed: false, reason: 'requires the "read" ability' })
    const nothing = await demoActor(handle.db, 'viewer', 'greenfield', { via: 'token', abilities: [] })
    expect(authorizeTenant(nothing, greenfield).allowed).toBe(false)
  })

  it('allows a token narrowed to "read"', async () => {
    const readOnly = await demoActor(handle.db, 'operator', 'northwind', { via: 'token', abilities: ['read'] })
    expect(authorizeTenant(readOnly, northwind)).toEqual({ allowed: true })
  })
})

type EntityCase = {
  kind: 'zone' | 'gateway' | 'vehicle'
  authorize: (actor: Actor, id: number) => Promise<Decision>
  ids: (gear: typeof greenfieldGear) => number[]
}

const ENTITIES: EntityCase[] = [
  { kind: 'zone', authorize: (actor, id) => authorizeZone(handle.db, actor, id), ids: gear => gear.zones },
  { kind: 'gateway', authorize: (actor, id) => authorizeGateway(handle.db, actor, id), ids: gear => gear.gateways },
  { kind: 'vehicle', authorize: (actor, id) => authorizeVehicle(handle.db, actor, id), ids: gear => gear.vehicles },
]

describe.each(ENTITIES)('authorize $kind', ({ kind, authorize, ids }) => {
  it('allows every role of the owning tenant', async () => {
    for (const role of ROLES) {
      const actor = await demoActor(handle.db, role, 'greenfield')
      for (const id of ids(greenfieldGear)) expect(await authorize(actor, id)).toEqual({ allowed: true })
    }
    const northwindViewer = await demoActor(handle.db, 'viewer', 'northwind')
    for (const id of ids(northwindGear)) expect(await authorize(northwindViewer, id)).toEqual({ allowed: true })
  })

  it('refuses another tenant\'s entity in both directions', async () => {
    const greenfieldAdmin = await demoActor(handle.db, 'admin', 'greenfield')
    const northwindAdmin = await demoActor(handle.db, 'admin', 'northwind')
    for (const id of ids(northwindGear)) {
      expect(await authorize(greenfieldAdmin, id)).toEqual({ allowed: false, reason: `${kind} ${id} is not in the user's tenant` })
    }
    for (const id of ids(greenfieldGear)) expect((await authorize(northwindAdmin, id)).allowed).toBe(false)
  })

  it('refuses a missing id with the same reason template as a foreign one (no existence leak)', async () => {
    const actor = await demoActor(handle.db, 'operator', 'greenfield')
    const foreign = await authorize(actor, ids(northwindGear)[0]!)
    const absent = await authorize(actor, missing[kind])
    expect(absent).toEqual({ allowed: false, reason: `${kind} ${missing[kind]} is not in the user's tenant` })
    expect(template(absent)).toBe(template(foreign))
    expect(Object.keys(absent)).toEqual(Object.keys(foreign))
  })

  it('refuses an own entity to a token without "read"', async () => {
    const commandOnly = await demoActor(handle.db, 'operator', 'greenfield', { via: 'token', abilities: ['command'] })
    expect(await authorize(commandOnly, ids(greenfieldGear)[0]!)).toEqual({ allowed: false, reason: 'requires the "read" ability' })
  })

  // Route params pass `idParam` (any positive integer) and channel names any run of digits:
  // an id beyond PostgreSQL's integer range must be refused like a missing one, not throw (500).
  it('refuses an id beyond the integer column\'s range like a missing one', async () => {
    const actor = await demoActor(handle.db, 'admin', 'greenfield')
    const huge = 2 ** 31
    await expect(authorize(actor, huge)).resolves.toEqual({ allowed: false, reason: `${kind} ${huge} is not in the user's tenant` })
  })
})

describe('authorizeOwnUser', () => {
  it('allows the signed-in user\'s own id only', async () => {
    const actor = await demoActor(handle.db, 'viewer', 'northwind')
    expect(authorizeOwnUser(actor, actor.user.id)).toEqual({ allowed: true })
    const other = await demoActor(handle.db, 'admin', 'northwind')
    expect(authorizeOwnUser(actor, other.user.id)).toEqual({ allowed: false, reason: `user ${other.user.id} is not the signed-in user` })
  })

  it('does not let an admin read another user\'s notifications', async () => {
    const admin = await demoActor(handle.db, 'admin', 'greenfield')
    const viewer = await demoActor(handle.db, 'viewer', 'greenfield')
    expect(authorizeOwnUser(admin, viewer.user.id).allowed).toBe(false)
  })

  it('refuses the own id to a token without "read"', async () => {
    const ingestOnly = await demoActor(handle.db, 'admin', 'greenfield', { via: 'token', abilities: ['ingest'] })
    expect(authorizeOwnUser(ingestOnly, ingestOnly.user.id)).toEqual({ allowed: false, reason: 'requires the "read" ability' })
  })
})

describe('authorizeAdmin', () => {
  it('allows an admin signed in with a session', async () => {
    expect(authorizeAdmin(await demoActor(handle.db, 'admin', 'greenfield'))).toEqual({ allowed: true })
    expect(authorizeAdmin(await demoActor(handle.db, 'admin', 'northwind'))).toEqual({ allowed: true })
  })

  it.each(['operator', 'viewer'] as const)('refuses a %s even with a session', async (role) => {
    expect(authorizeAdmin(await demoActor(handle.db, role, 'greenfield'))).toEqual({ allowed: false, reason: 'only an admin, signed in, may do this' })
  })

  it('refuses an admin\'s API token, even one holding every ability', async () => {
    const token = await demoActor(handle.db, 'admin', 'greenfield', { via: 'token', abilities: ['read', 'command', 'ingest'] })
    expect(authorizeAdmin(token)).toEqual({ allowed: false, reason: 'only an admin, signed in, may do this' })
  })
})
