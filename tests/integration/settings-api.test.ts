// The settings API on the embedded database and PostgreSQL, from an empty start: first run, tenants, zones,
// nodes, gateways and data points, vehicles — validation, uniqueness, cross-tenant refusal, archiving, the
// activity feed and the live settings.changed broadcast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionClient, waitFor } from '../support/clients'
import { createToken, ingest } from '../support/ingest-token'
import type { OwnSite } from '../support/own-site'
import { DATABASES, send, startOwnSite } from '../support/own-site'

describe.each(DATABASES)('settings API on %s', (database) => {
  let site: OwnSite
  beforeAll(async () => { site = await startOwnSite(database) }, 120_000)
  afterAll(() => site?.server.stop())

  it('sets up the first tenant and owner once: 422 naming the short password, 201 signed in, then 409', () => {
    expect(site.firstRun.neededBefore).toBe(true)
    expect(site.firstRun.shortPassword).toEqual({ status: 422, field: 'admin.password' })
    expect(site.firstRun.created.status).toBe(201)
    expect(site.firstRun.created.body.user).toMatchObject({ isOwner: true })
    expect(site.firstRun.signedIn).toBe(200)
    expect(site.firstRun.neededAfter).toBe(false)
    expect(site.firstRun.replay).toBe(409)
  })

  it('lets only the owner create tenants, with an admin e-mail unique across the installation', async () => {
    const tenant = (email: string) => ({ tenant: { name: 'Charlie' }, admin: { name: 'Cy', email, password: 'correct horse battery' } })
    expect((await send(site.adminB, 'POST', '/api/tenants', tenant('cy@charlie.example'))).status).toBe(403)
    expect(await send(site.owner, 'POST', '/api/tenants', tenant('BO@bravo.example'))).toMatchObject({ status: 409, field: 'admin.email' })
    expect(await send(site.owner, 'POST', '/api/tenants', { tenant: { name: '' } })).toMatchObject({ status: 422, field: 'tenant.name' })
  })

  it('creates, changes and archives a zone; the archived zone leaves the list but stays readable, its id is not reused', async () => {
    const zones = `/api/tenants/${site.tenantA}/zones`
    expect(await send(site.owner, 'POST', zones, { name: 'Bad', thresholds: { ph: { min: 7, max: 6 } } })).toMatchObject({ status: 422, field: 'thresholds.ph.min' })
    expect(await send(site.owner, 'POST', zones, { name: ' ' })).toMatchObject({ status: 422, field: 'name' })
    expect(await send(site.owner, 'POST', zones, { name: 'X', thresholds: { ph: { max: 7, delaySeconds: -1 } } })).toMatchObject({ status: 422, field: 'thresholds.ph.delaySeconds' })
    const created = await send(site.owner, 'POST', zones, { name: 'Greenhouse', targets: { ph: 6 }, thresholds: { ph: { min: 5.5, max: 7, delaySeconds: 60, deadband: 0.1 } } })
    expect(created.status).toBe(201)
    const zone = created.body.data
    expect(zone).toMatchObject({ name: 'Greenhouse', tenantId: site.tenantA, targets: { ph: 6 }, thresholds: { ph: { min: 5.5, max: 7, delaySeconds: 60, deadband: 0.1 } }, archivedAt: null })
    expect(await send(site.owner, 'PATCH', `/api/zones/${zone.id}`, { name: 'Greenhouse 1' })).toMatchObject({ status: 200, body: { data: { name: 'Greenhouse 1' } } })
    expect(await send(site.owner, 'DELETE', `/api/zones/${zone.id}`)).toMatchObject({ status: 200, body: { data: { id: zone.id } } })
    const list = await send(site.owner, 'GET', zones)
    expect(list.body.data.map((row: { id: number }) => row.id)).not.toContain(zone.id)
    expect((await send(site.owner, 'GET', `/api/zones/${zone.id}`)).status).toBe(200)
    expect(await send(site.owner, 'PATCH', `/api/zones/${zone.id}`, { name: 'Again' })).toMatchObject({ status: 409, field: 'zone' })
    const next = await send(site.owner, 'POST', zones, { name: 'Greenhouse 2' })
    expect(next.body.data.id).toBeGreaterThan(zone.id)
  })

  it('refuses another tenant\'s zone exactly as a missing one, and refuses viewers', async () => {
    const zone = (await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/zones`, { name: 'Private' })).body.data
    const foreign = await send(site.adminB, 'PATCH', `/api/zones/${zone.id}`, { name: 'Mine' })
    const missing = await send(site.adminB, 'PATCH', '/api/zones/2000000000', { name: 'Mine' })
    expect(foreign.status).toBe(403)
    expect(foreign.message!.replace(String(zone.id), 'N')).toBe(missing.message!.replace('2000000000', 'N'))
    expect((await send(site.adminB, 'DELETE', `/api/zones/${zone.id}`)).status).toBe(403)
    expect((await send(site.adminB, 'POST', `/api/tenants/${site.tenantA}/zones`, { name: 'In A' })).status).toBe(403)
    expect((await send(site.viewerA, 'POST', `/api/tenants/${site.tenantA}/zones`, { name: 'Viewer' })).status).toBe(403)
    expect((await send(site.viewerA, 'PATCH', `/api/zones/${zone.id}`, { name: 'Viewer' })).status).toBe(403)
  })

  it('keeps node uids unique per tenant, assigns nodes to own zones only, and frees an archived node\'s uid', async () => {
    const zone = (await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/zones`, { name: 'Nursery' })).body.data
    const zoneB = (await send(site.adminB, 'POST', `/api/tenants/${site.tenantB}/zones`, { name: 'Yard' })).body.data
    const devices = `/api/tenants/${site.tenantA}/devices`
    const node = (await send(site.owner, 'POST', devices, { uid: 'node-7', name: 'Node 7', zoneId: zone.id })).body.data
    expect(node).toMatchObject({ uid: 'node-7', zoneId: zone.id })
    expect(await send(site.owner, 'POST', devices, { uid: 'node-7', name: 'Twin' })).toMatchObject({ status: 409, field: 'uid' })
    expect(await send(site.owner, 'POST', devices, { uid: 'bad uid!', name: 'X' })).toMatchObject({ status: 422, field: 'uid' })
    expect((await send(site.adminB, 'POST', `/api/tenants/${site.tenantB}/devices`, { uid: 'node-7', name: 'B 7' })).status).toBe(201)
    expect(await send(site.owner, 'PATCH', `/api/devices/${node.id}`, { zoneId: zoneB.id })).toMatchObject({ status: 422, field: 'zoneId' })
    expect(await send(site.owner, 'PATCH', `/api/devices/${node.id}`, { zoneId: null })).toMatchObject({ status: 200, body: { data: { zoneId: null } } })
    expect((await send(site.adminB, 'PATCH', `/api/devices/${node.id}`, { name: 'Stolen' })).status).toBe(403)
    expect((await send(site.owner, 'DELETE', `/api/devices/${node.id}`)).status).toBe(200)
    expect((await send(site.owner, 'GET', devices)).body.data.map((row: { id: number }) => row.id)).not.toContain(node.id)
    const again = await send(site.owner, 'POST', devices, { uid: 'node-7', name: 'Node 7 replaced' })
    expect(again.status).toBe(201)
    expect(again.body.data.id).toBeGreaterThan(node.id)
  })

  it('keeps gateway serials unique per tenant, validates offlineAfterSeconds, and edits and archives data points', async () => {
    const gateways = `/api/tenants/${site.tenantA}/gateways`
    const gateway = (await send(site.owner, 'POST', gateways, { name: 'Pump house', serial: 'GW-1', offlineAfterSeconds: 120 })).body.data
    expect(gateway).toMatchObject({ serial: 'GW-1', offlineAfterSeconds: 120, online: false })
    expect(await send(site.owner, 'POST', gateways, { name: 'Twin', serial: 'GW-1' })).toMatchObject({ status: 409, field: 'serial' })
    expect(await send(site.owner, 'POST', gateways, { name: 'Fast', serial: 'GW-2', offlineAfterSeconds: 1 })).toMatchObject({ status: 422, field: 'offlineAfterSeconds' })
    expect((await send(site.adminB, 'POST', `/api/tenants/${site.tenantB}/gateways`, { name: 'B', serial: 'GW-1' })).status).toBe(201)
    expect(await send(site.owner, 'PATCH', `/api/gateways/${gateway.id}`, { offlineAfterSeconds: 300 })).toMatchObject({ status: 200, body: { data: { offlineAfterSeconds: 300 } } })
    const points = `/api/gateways/${gateway.id}/data-points`
    const flow = (await send(site.owner, 'POST', points, { register: 10, label: 'Flow' })).body.data
    const pressure = (await send(site.owner, 'POST', points, { register: 11, label: 'Pressure' })).body.data
    expect(await send(site.owner, 'PATCH', `/api/data-points/${flow.id}`, { label: 'Flow rate', unit: 'l/min' })).toMatchObject({ status: 200, body: { data: { label: 'Flow rate', unit: 'l/min' } } })
    expect(await send(site.owner, 'PATCH', `/api/data-points/${flow.id}`, { register: 11 })).toMatchObject({ status: 409, field: 'register' })
    expect(await send(site.owner, 'PATCH', `/api/data-points/${flow.id}`, { scale: 0 })).toMatchObject({ status: 422, field: 'scale' })
    expect((await send(site.adminB, 'DELETE', `/api/data-points/${flow.id}`)).status).toBe(403)
    expect((await send(site.owner, 'DELETE', `/api/data-points/${pressure.id}`)).status).toBe(200)
    expect((await send(site.owner, 'GET', points)).body.data.map((row: { id: number }) => row.id)).toEqual([flow.id])
    expect((await send(site.owner, 'DELETE', `/api/gateways/${gateway.id}`)).status).toBe(200)
    expect((await send(site.owner, 'GET', gateways)).body.data.map((row: { id: number }) => row.id)).not.toContain(gateway.id)
    expect((await send(site.owner, 'GET', `/api/gateways/${gateway.id}`)).status).toBe(200)
  })

  it('keeps a vehicle IMEI unique across the installation and frees it when the vehicle is archived', async () => {
    const vehicle = (await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/vehicles`, { name: 'Van', plate: 'AC 1', imei: '356307042441013', speedLimit: 80 })).body.data
    expect(vehicle).toMatchObject({ imei: '356307042441013', speedLimit: 80 })
    const other = await send(site.adminB, 'POST', `/api/tenants/${site.tenantB}/vehicles`, { name: 'Truck', plate: 'BR 1', imei: '356307042441013' })
    expect(other).toMatchObject({ status: 409, field: 'imei' })
    expect(other.message).not.toContain('Van')
    expect(await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/vehicles`, { name: 'X', plate: 'X', imei: '12' })).toMatchObject({ status: 422, field: 'imei' })
    expect(await send(site.owner, 'PATCH', `/api/vehicles/${vehicle.id}`, { speedLimit: 0 })).toMatchObject({ status: 422, field: 'speedLimit' })
    expect((await send(site.owner, 'DELETE', `/api/vehicles/${vehicle.id}`)).status).toBe(200)
    expect((await send(site.owner, 'GET', `/api/tenants/${site.tenantA}/vehicles`)).body.data.map((row: { id: number }) => row.id)).not.toContain(vehicle.id)
    expect((await send(site.owner, 'GET', `/api/vehicles/${vehicle.id}`)).status).toBe(200)
    expect((await send(site.adminB, 'POST', `/api/tenants/${site.tenantB}/vehicles`, { name: 'Truck', plate: 'BR 1', imei: '356307042441013' })).status).toBe(201)
  })

  it('records who changed what in the activity feed and tells other open browsers live', async () => {
    const client = sessionClient(site.server, site.viewerA)
    const received: Array<{ event: string, data: { subject?: string, action?: string, data?: { name?: string } } }> = []
    let ready = false
    const channel = client.subscribe(`private-tenant.${site.tenantA}.events`)
    channel.bind('pusher:subscription_succeeded', () => { ready = true })
    channel.bind_global((event: string, data: never) => { if (!event.startsWith('pusher')) received.push({ event, data }) })
    try {
      await waitFor(() => ready, 10_000, 'subscription')
      await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/zones`, { name: 'Live zone' })
      await waitFor(() => received.some(item => item.event === 'settings.changed'), 10_000, 'settings.changed')
      expect(received.find(item => item.event === 'settings.changed')!.data).toMatchObject({ subject: 'zone', action: 'created', data: { name: 'Live zone' } })
      const feed = await send(site.owner, 'GET', `/api/tenants/${site.tenantA}/events`)
      expect(feed.body.data[0]).toMatchObject({ kind: 'zone.created', actorUserId: site.owner.user.id, message: 'Ada created zone Live zone' })
    }
    finally {
      client.disconnect()
    }
  })

  it('takes a first live value from a node with a token, and raises exactly one alert for a breach held past the delay', async () => {
    const zone = (await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/zones`, { name: 'Cold room', thresholds: { temperature: { max: 8, delaySeconds: 30 } } })).body.data
    await send(site.owner, 'POST', `/api/tenants/${site.tenantA}/devices`, { uid: 'cold-1', name: 'Cold 1', zoneId: zone.id })
    const token = await createToken(site.owner, ['ingest'])
    const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000).toISOString()
    const sample = (value: number, secondsAgo: number) => ({ metric: 'temperature', value, at: at(secondsAgo) })
    expect((await ingest(site.server.url, token, '/api/ingest/telemetry', { device: 'cold-1', samples: [sample(9, 50), sample(9.5, 40)] })).status).toBe(201)
    const alerts = async () => (await send(site.owner, 'GET', `/api/tenants/${site.tenantA}/alerts`)).body.data.filter((row: { zoneId: number }) => row.zoneId === zone.id)
    expect(await alerts()).toEqual([])
    expect((await ingest(site.server.url, token, '/api/ingest/telemetry', { device: 'cold-1', samples: [sample(9.6, 15), sample(7, 10), sample(9.7, 5), sample(9.8, 0)] })).status).toBe(201)
    expect((await alerts()).map((row: { value: number }) => row.value)).toEqual([9.6])
    const snapshot = await send(site.owner, 'GET', `/api/zones/${zone.id}/snapshot`)
    expect(snapshot.body.data.nodes[0].latest.temperature.value).toBe(9.8)
  })
})
