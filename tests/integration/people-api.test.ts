// Users and API tokens on the embedded database and PostgreSQL: admins add people to their tenant, change roles,
// disable and enable them, reset passwords; users change their own; tokens are created, listed and revoked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login } from '../support/http-session'
import { ingest, tokenSecret } from '../support/ingest-token'
import type { OwnSite } from '../support/own-site'
import { DATABASES, PASSWORD, send, startOwnSite } from '../support/own-site'

describe.each(DATABASES)('people API on %s', (database) => {
  let site: OwnSite
  beforeAll(async () => { site = await startOwnSite(database) }, 120_000)
  afterAll(() => site?.server.stop())

  const addUser = (email: string, role = 'operator') => send(site.owner, 'POST', `/api/tenants/${site.tenantA}/users`, { name: 'Op', email, role, password: PASSWORD })

  it('adds users to the admin\'s own tenant only, with an e-mail unique across the installation', async () => {
    const created = await addUser('Op@Acme.example')
    expect(created).toMatchObject({ status: 201, body: { data: { email: 'op@acme.example', role: 'operator', tenantId: site.tenantA, isOwner: false } } })
    expect(created.body.data).not.toHaveProperty('passwordHash')
    expect(await addUser('bo@bravo.example')).toMatchObject({ status: 409, field: 'email' })
    expect(await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/users`, { name: 'S', email: 's@acme.example', role: 'operator', password: 'short' })).toMatchObject({ status: 422, field: 'password' })
    expect(await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/users`, { name: 'R', email: 'r@acme.example', role: 'root', password: PASSWORD })).toMatchObject({ status: 422, field: 'role' })
    expect((await send(site.adminB, 'POST', `/api/tenants/${site.tenantA}/users`, { name: 'X', email: 'x@acme.example', role: 'admin', password: PASSWORD })).status).toBe(403)
    expect((await send(site.viewerA, 'POST', `/api/tenants/${site.tenantA}/users`, { name: 'X', email: 'x@acme.example', role: 'admin', password: PASSWORD })).status).toBe(403)
    const listed = await send(site.owner, 'GET', '/api/users')
    expect(listed.body.data.map((user: { email: string }) => user.email)).toContain('op@acme.example')
    expect(listed.body.data.map((user: { email: string }) => user.email)).not.toContain('bo@bravo.example')
  })

  it('changes roles of others, never the admin\'s own, and refuses another tenant\'s user as a missing one', async () => {
    const user = (await addUser('role@acme.example')).body.data
    expect(await send(site.owner, 'PATCH', `/api/users/${user.id}`, { role: 'viewer' })).toMatchObject({ status: 200, body: { data: { role: 'viewer' } } })
    expect(await send(site.owner, 'PATCH', `/api/users/${site.owner.user.id}`, { role: 'viewer' })).toMatchObject({ status: 422, field: 'role' })
    expect(await send(site.owner, 'PATCH', `/api/users/${user.id}`, { email: 'vi@acme.example' })).toMatchObject({ status: 409, field: 'email' })
    const foreign = await send(site.adminB, 'PATCH', `/api/users/${user.id}`, { role: 'admin' })
    const missing = await send(site.adminB, 'PATCH', '/api/users/2000000000', { role: 'admin' })
    expect(foreign.status).toBe(403)
    expect(foreign.message).toBe(missing.message)
    const feed = await send(site.owner, 'GET', `/api/tenants/${site.tenantA}/events`)
    expect(feed.body.data[0]).toMatchObject({ kind: 'user.updated', actorUserId: site.owner.user.id })
  })

  it('disables and enables a user, and resets their password', async () => {
    const user = (await addUser('reset@acme.example')).body.data
    expect((await send(site.owner, 'POST', `/api/users/${user.id}/disable`)).status).toBe(200)
    await expect(login(site.server, 'reset@acme.example', PASSWORD)).rejects.toThrow(/401/)
    expect((await send(site.owner, 'POST', `/api/users/${user.id}/enable`)).status).toBe(200)
    const feed = (await send(site.owner, 'GET', `/api/tenants/${site.tenantA}/events`)).body.data as Array<{ kind: string, message: string, actorUserId: number }>
    expect(feed.slice(0, 2).map(entry => [entry.kind, entry.actorUserId, entry.message.includes('re-enabled'), entry.message.includes('disabled')]))
      .toEqual([['user.updated', site.owner.user.id, true, false], ['user.updated', site.owner.user.id, false, true]])
    expect(await send(site.owner, 'POST', `/api/users/${user.id}/password`, { password: 'short' })).toMatchObject({ status: 422, field: 'password' })
    expect((await send(site.owner, 'POST', `/api/users/${user.id}/password`, { password: 'a brand new secret' })).status).toBe(200)
    await expect(login(site.server, 'reset@acme.example', PASSWORD)).rejects.toThrow(/401/)
    expect((await login(site.server, 'reset@acme.example', 'a brand new secret')).user.id).toBe(user.id)
    expect((await send(site.adminB, 'POST', `/api/users/${user.id}/password`, { password: 'taken over!!' })).status).toBe(403)
  })

  it('lets a user change their own password only with the current one', async () => {
    await addUser('self@acme.example')
    const self = await login(site.server, 'self@acme.example', PASSWORD)
    expect(await send(self, 'POST', '/api/auth/password', { currentPassword: 'wrong password', password: 'mine and only mine' })).toMatchObject({ status: 422, field: 'currentPassword' })
    expect((await send(self, 'POST', '/api/auth/password', { currentPassword: PASSWORD, password: 'mine and only mine' })).status).toBe(200)
    expect((await login(site.server, 'self@acme.example', 'mine and only mine')).user.role).toBe('operator')
  })

  it('creates a token shown once, lists it without its secret, and revokes it', async () => {
    expect(await send(site.owner, 'POST', '/api/tokens', { name: '', abilities: ['ingest'] })).toMatchObject({ status: 422, field: 'name' })
    expect(await send(site.owner, 'POST', '/api/tokens', { name: 'x', abilities: ['fly'] })).toMatchObject({ status: 422, field: 'abilities.0' })
    expect((await send(site.viewerA, 'POST', '/api/tokens', { name: 'x', abilities: ['read'] })).status).toBe(403)
    const created = await send(site.owner, 'POST', '/api/tokens', { name: 'nodes', abilities: ['ingest'], expiresInDays: 30 })
    expect(created.status).toBe(201)
    expect(created.body.token).toMatch(/^lk_\d+_/)
    expect(new Date(created.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000)
    const listed = await send(site.owner, 'GET', '/api/tokens')
    const row = listed.body.data.find((token: { id: number }) => token.id === created.body.id)
    expect(row).toMatchObject({ name: 'nodes', abilities: ['ingest'], revokedAt: null })
    expect(JSON.stringify(listed.body)).not.toContain(tokenSecret(created.body.token))
    expect((await send(site.adminB, 'GET', '/api/tokens')).body.data.map((token: { id: number }) => token.id)).not.toContain(created.body.id)
    const heartbeat = () => ingest(site.server.url, created.body.token, '/api/ingest/telemetry', { device: 'nobody', samples: [{ metric: 'ph', value: 6 }] })
    expect((await heartbeat()).status).toBe(422)
    expect((await send(site.adminB, 'DELETE', `/api/tokens/${created.body.id}`)).status).toBe(404)
    expect((await send(site.owner, 'DELETE', `/api/tokens/${created.body.id}`)).status).toBe(200)
    const revoked = (await send(site.owner, 'GET', `/api/tenants/${site.tenantA}/events`)).body.data[0]
    expect(revoked).toMatchObject({ kind: 'token.revoked', actorUserId: site.owner.user.id, message: expect.stringContaining('revoked API token "nodes"') })
    expect((await heartbeat()).status).toBe(401)
  })
})
