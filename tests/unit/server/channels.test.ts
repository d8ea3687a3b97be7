import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../server/auth/actor'
import { authorizeChannel, CHANNEL_RULES, PUBLIC_CHANNELS } from '../../../server/channels'
import type { DatabaseHandle } from '../../../server/db/connection'
import type { Role } from '../../../shared/access'
import { ROLES } from '../../../shared/access'
import { channels } from '../../../shared/channels'
import type { DemoSlug } from './test-database'
import { DEMO_SLUGS, demoActor, demoUserId, equipmentOf, tenantId, useDemoDatabase } from './test-database'

const API_FOLDER = fileURLToPath(new URL('../../../server/api', import.meta.url))

/** What the ids of one demo tenant are, per kind of channel parameter. */
interface TenantResources {
  tenant: number[]
  zone: number[]
  gateway: number[]
  vehicle: number[]
  user: number[]
}
type Param = keyof TenantResources

let handle: DatabaseHandle
const resources = {} as Record<DemoSlug, TenantResources>
const actors = {} as Record<`${Role}@${DemoSlug}`, Actor>

useDemoDatabase(async (demo) => {
  handle = demo.handle
  for (const slug of DEMO_SLUGS) {
    const id = await tenantId(handle.db, slug)
    const gear = await equipmentOf(handle.db, id)
    const userIds = await Promise.all(ROLES.map(role => demoUserId(handle.db, role, slug)))
    resources[slug] = { tenant: [id], zone: gear.zones, gateway: gear.gateways, vehicle: gear.vehicles, user: userIds }
    for (const role of ROLES) actors[`${role}@${slug}`] = await demoActor(handle.db, role, slug)
  }
})

/** The kind of id a family's `{x}` placeholder stands for. */
function paramOf(family: string): Param {
  if (family.includes('{t}')) return 'tenant'
  if (family.includes('{z}')) return 'zone'
  if (family.includes('{g}')) return 'gateway'
  if (family.includes('{v}')) return 'vehicle'
  if (family.includes('{u}')) return 'user'
  throw new Error(`no placeholder in ${family}`)
}

function nameOf(family: string, id: number): string {
  return family.replace(/\{[tzgvu]\}/, String(id))
}

/** Every family of the rules, and the private-encrypted- variant of each private- family. */
const FAMILIES = [
  ...CHANNEL_RULES.map(rule => rule.family),
  ...CHANNEL_RULES.filter(rule => rule.family.startsWith('private-')).map(rule => rule.family.replace(/^private-/, 'private-encrypted-')),
]

const USERS = DEMO_SLUGS.flatMap(slug => ROLES.map(role => ({ role, slug })))

describe('authorizeChannel', () => {
  it('knows the twelve families of the catalogue', () => {
    expect(CHANNEL_RULES.map(rule => rule.family)).toEqual([
      'private-tenant.{t}.alerts', 'private-tenant.{t}.events', 'private-tenant.{t}.commands',
      'private-tenant.{t}.devices', 'private-tenant.{t}.gateways', 'private-tenant.{t}.fleet',
      'private-zone.{z}', 'private-zone.{z}.commands', 'presence-zone.{z}',
      'private-gateway.{g}', 'private-vehicle.{v}', 'private-user.{u}',
    ])
  })

  describe.each(USERS)('for $role of $slug', ({ role, slug }) => {
    it.each(FAMILIES)('allows %s exactly for the own tenant\'s resources', async (family) => {
      const actor = actors[`${role}@${slug}`]
      const param = paramOf(family)
      const decisions: Record<string, boolean> = {}
      const expected: Record<string, boolean> = {}
      for (const owner of DEMO_SLUGS) {
        for (const id of resources[owner][param]) {
          const channel = nameOf(family, id)
          decisions[channel] = (await authorizeChannel(handle.db, actor, channel)).allowed
          expected[channel] = param === 'user' ? id === actor.user.id : owner === slug
        }
      }
      expect(Object.keys(expected).length).toBeGreaterThanOrEqual(2)
      expect(decisions).toEqual(expected)
    })

    it('allows the public system channel', async () => {
      expect(await authorizeChannel(handle.db, actors[`${role}@${slug}`], channels.system)).toEqual({ allowed: true })
    })
  })

  it('gives a refused foreign resource a reason naming the resource, not the rule', async () => {
    const actor = actors['viewer@greenfield']
    const zone = resources.northwind.zone[0]!
    expect(await authorizeChannel(handle.db, actor, `presence-zone.${zone}`)).toEqual({ allowed: false, reason: `zone ${zone} is not in the user's tenant` })
    const user = resources.greenfield.user[0]!
    expect(await authorizeChannel(handle.db, actor, `private-user.${user}`)).toEqual({ allowed: false, reason: `user ${user} is not the signed-in user` })
  })

  it('refuses the system channel and own tenant channels to a token without "read"', async () => {
    const token = await demoActor(handle.db, 'admin', 'greenfield', { via: 'token', abilities: ['ingest', 'command'] })
    const own = resources.greenfield
    expect((await authorizeChannel(handle.db, token, 'system')).allowed).toBe(false)
    expect((await authorizeChannel(handle.db, token, `private-tenant.${own.tenant[0]}.alerts`)).allowed).toBe(false)
    expect((await authorizeChannel(handle.db, token, `private-zone.${own.zone[0]}`)).allowed).toBe(false)
    expect((await authorizeChannel(handle.db, token, `private-user.${token.user.id}`)).allowed).toBe(false)
  })

  it.each([
    'private-foo.1',
    'presence-unknown.1',
    'private-tenant.1',
    'private-tenant.1.secrets',
    'presence-tenant.1.alerts',
    'private-zone.1.extra',
    'private-zone.x',
    'private-zone.',
    'private-zone.1 ',
    'private-user.-1',
    'presence-encrypted-zone.1',
    'private-encrypted-presence-zone.1',
    'private-encrypted-',
    'public-zone.1',
    'zone.1',
    'systems',
    'cache-system',
  ])('refuses %j as an unknown channel family', async (channel) => {
    expect(await authorizeChannel(handle.db, actors['admin@greenfield'], channel)).toEqual({ allowed: false, reason: 'unknown channel family' })
  })

  it('lists only the system channel as public', () => {
    expect([...PUBLIC_CHANNELS]).toEqual(['system'])
  })

  it('matches every channel the shared catalogue builds with exactly one rule', () => {
    const built = [
      ...(['alerts', 'events', 'commands', 'devices', 'gateways', 'fleet'] as const).map(stream => channels.tenant(7, stream)),
      channels.zone(7), channels.zoneCommands(7), channels.zonePresence(7), channels.gateway(7), channels.vehicle(7), channels.user(7),
    ]
    for (const name of built) {
      const matching = CHANNEL_RULES.filter(rule => rule.pattern.test(name))
      expect(matching.map(rule => nameOf(rule.family, 7))).toEqual([name])
    }
  })

  // A run of digits beyond PostgreSQL's integer range must be refused like a missing resource,
  // not throw (the broadcasting auth route would answer 500 "Failed query" instead of 403).
  it.each([
    'private-zone.99999999999',
    'presence-zone.99999999999',
    'private-gateway.99999999999',
    'private-encrypted-vehicle.99999999999',
  ])('refuses %s (id beyond the integer range) instead of throwing', async (channel) => {
    const decision = await authorizeChannel(handle.db, actors['admin@greenfield'], channel)
    expect(decision.allowed).toBe(false)
  })
})

/** The route file that serves `path` under server/api, following Nitro's file naming. */
function routeFile(path: string): string | undefined {
  const segments = path.replace(/^\/api\//, '').split('/')
  let folder = API_FOLDER
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1
    const names = readdirSync(folder)
    const param = (suffix: string) => names.find(name => /^\[[a-z]+\]/.test(name) && name.endsWith(suffix) && name.slice(name.indexOf(']') + 1) === suffix)
    const literal = /^\d+$/.test(segment) ? undefined : segment
    if (last) {
      const candidates = literal
        ? [`${literal}.get.ts`, join(literal, 'index.get.ts')]
        : [param('.get.ts'), param('') && join(param('')!, 'index.get.ts')].filter((name): name is string => !!name)
      return candidates.map(name => join(folder, name)).find(file => existsSync(file))
    }
    const next = literal ?? param('')
    if (!next || !existsSync(join(folder, next))) return undefined
    folder = join(folder, next)
  }
  return undefined
}

const POLICY_OF: Record<Param, string> = {
  tenant: 'authorizeTenant', zone: 'authorizeZone', gateway: 'authorizeGateway', vehicle: 'authorizeVehicle', user: 'authorizeOwnUser',
}

describe.each(CHANNEL_RULES)('rule $family', (rule) => {
  it('documents a well-formed REST path carrying the id', () => {
    const path = rule.rest(42)
    expect(path.startsWith('/api/')).toBe(true)
    expect(path).toMatch(/^(\/[a-z0-9-]+)+$/)
    expect(path.split('/')).toContain('42')
    expect(rule.rest(7)).toBe(path.replace('42', '7'))
  })

  it('points at a GET route guarded by the same policy', () => {
    const file = routeFile(rule.rest(42))
    expect(file, `no route file for ${rule.rest(42)}`).toBeDefined()
    expect(readFileSync(file!, 'utf8')).toContain(`${POLICY_OF[paramOf(rule.family)]}(`)
  })

  it('matches its own family with the id captured, and nothing after it', () => {
    const name = nameOf(rule.family, 123)
    expect(rule.pattern.exec(name)?.[1]).toBe('123')
    expect(rule.pattern.test(`${name}x`)).toBe(false)
    expect(rule.pattern.test(`x${name}`)).toBe(false)
  })
})
