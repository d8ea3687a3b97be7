// WS = REST: for every channel family and every demo user, /broadcasting/auth signs exactly when
// the matching REST resource answers 200, and refuses with 403 exactly when REST does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

type Tenant = 'greenfield' | 'northwind'
type Role = 'admin' | 'operator' | 'viewer'

interface Probe {
  channel: string
  rest: string
  tenantId: number
  /** Set on a user's own channel, which only that user may join. */
  userId?: number
}

let server: ServerProcess
const sessions = new Map<string, Session>()
const probes: Probe[] = []

/** One channel of every family of a tenant, with the REST resource of the same policy. */
async function probesOf(admin: Session): Promise<Probe[]> {
  const t = admin.user.tenantId
  const first = async (resource: string) => ((await (await admin.fetch(`/api/tenants/${t}/${resource}`)).json()) as { data: Array<{ id: number, zoneId?: number | null }> }).data
  const zone = (await first('devices')).find(device => device.zoneId)!.zoneId!
  const gateway = (await first('gateways'))[0]!.id
  const vehicle = (await first('vehicles'))[0]!.id
  const user = admin.user.id
  const probes: Array<Omit<Probe, 'tenantId'>> = [
    ...['alerts', 'events', 'commands', 'devices', 'gateways'].map(stream => ({ channel: `private-tenant.${t}.${stream}`, rest: `/api/tenants/${t}/${stream}` })),
    { channel: `private-tenant.${t}.fleet`, rest: `/api/tenants/${t}/vehicles` },
    { channel: `private-zone.${zone}`, rest: `/api/zones/${zone}` },
    { channel: `private-encrypted-zone.${zone}`, rest: `/api/zones/${zone}` },
    { channel: `private-zone.${zone}.commands`, rest: `/api/zones/${zone}/commands` },
    { channel: `presence-zone.${zone}`, rest: `/api/zones/${zone}` },
    { channel: `private-gateway.${gateway}`, rest: `/api/gateways/${gateway}` },
    { channel: `private-vehicle.${vehicle}`, rest: `/api/vehicles/${vehicle}` },
    { channel: `private-user.${user}`, rest: `/api/users/${user}/notifications`, userId: user },
  ]
  return probes.map(probe => ({ ...probe, tenantId: t }))
}

async function channelAuthStatus(session: Session, channel: string): Promise<number> {
  const response = await session.fetch('/broadcasting/auth', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ socket_id: '1234.5678', channel_name: channel }).toString(),
  })
  return response.status
}

const USERS: Array<[Tenant, Role]> = (['greenfield', 'northwind'] as const).flatMap(tenant => (['admin', 'operator', 'viewer'] as const).map(role => [tenant, role] as [Tenant, Role]))

beforeAll(async () => {
  server = await startServer()
  for (const [tenant, role] of USERS) sessions.set(`${tenant}/${role}`, await login(server, demoEmail(role, tenant)))
  probes.push(...await probesOf(sessions.get('greenfield/admin')!), ...await probesOf(sessions.get('northwind/admin')!))
}, 60_000)
afterAll(() => server.stop())

describe('channel authorisation equals REST authorisation', () => {
  it.each(USERS)('for %s %s, on every channel family of both tenants', async (tenant, role) => {
    const session = sessions.get(`${tenant}/${role}`)!
    const outcomes = []
    for (const probe of probes) {
      const [ws, rest] = [await channelAuthStatus(session, probe.channel), (await session.fetch(probe.rest)).status]
      const allowed = probe.tenantId === session.user.tenantId && (probe.userId === undefined || probe.userId === session.user.id)
      outcomes.push({ channel: probe.channel, ws, rest, expected: allowed ? 200 : 403 })
    }
    expect(outcomes.filter(outcome => outcome.ws !== outcome.rest || outcome.ws !== outcome.expected)).toEqual([])
  })

  it('refuses a token without the read ability on both sides', async () => {
    const admin = sessions.get('greenfield/admin')!
    const created = await (await admin.fetch('/api/tokens', { method: 'POST', body: JSON.stringify({ name: 'ingest only', abilities: ['ingest'] }) })).json() as { token: string }
    const bearer = { authorization: `Bearer ${created.token}` }
    for (const probe of probes.slice(0, 3)) {
      const rest = await fetch(`${server.url}${probe.rest}`, { headers: bearer })
      const ws = await fetch(`${server.url}/broadcasting/auth`, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ socket_id: '1.2', channel_name: probe.channel }) })
      expect([ws.status, rest.status]).toEqual([403, 403])
    }
  })

  it('refuses channels of unknown families', async () => {
    const session = sessions.get('greenfield/admin')!
    for (const channel of ['private-zone.1.secrets', 'presence-gateway.1', 'private-anything']) {
      expect(await channelAuthStatus(session, channel)).toBe(403)
    }
  })
})

describe('what the auth endpoint signs', () => {
  it('puts the user\'s id and display info into presence channel_data, and a shared secret into encrypted auth', async () => {
    const session = sessions.get('greenfield/operator')!
    const zone = probes.find(probe => probe.channel.startsWith('presence-zone.'))!.channel.split('.')[1]
    const presence = await (await session.fetch('/broadcasting/auth', { method: 'POST', body: JSON.stringify({ socket_id: '1.2', channel_name: `presence-zone.${zone}` }) })).json() as { auth: string, channel_data: string }
    expect(JSON.parse(presence.channel_data)).toEqual({ user_id: String(session.user.id), user_info: { id: session.user.id, name: 'Greenfield operator', role: 'operator' } })
    const encrypted = await (await session.fetch('/broadcasting/auth', { method: 'POST', body: JSON.stringify({ socket_id: '1.2', channel_name: `private-encrypted-zone.${zone}` }) })).json() as { shared_secret: string }
    expect(Buffer.from(encrypted.shared_secret, 'base64')).toHaveLength(32)
  })

  it('signs pusher:signin user data for the signed-in user', async () => {
    const session = sessions.get('northwind/viewer')!
    const response = await (await session.fetch('/broadcasting/user-auth', { method: 'POST', body: JSON.stringify({ socket_id: '1.2' }) })).json() as { user_data: string }
    expect(JSON.parse(response.user_data)).toMatchObject({ id: String(session.user.id) })
  })
})
