// Device ingest over HTTP: tokens with the ingest ability, validation naming the field, one transaction per
// request, and Idempotency-Key making retries safe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let admin: Session
let token: string
let zoneId: number
let nodeUid: string

async function latest(metric: string): Promise<number | undefined> {
  const snapshot = await (await admin.fetch(`/api/zones/${zoneId}/snapshot`)).json() as { data: { nodes: Array<{ uid: string, latest: Record<string, { value: number }> }> } }
  return snapshot.data.nodes.find(candidate => candidate.uid === nodeUid)!.latest[metric]?.value
}

async function historyCount(metric: string): Promise<number> {
  const history = await (await admin.fetch(`/api/zones/${zoneId}/telemetry?metric=${metric}`)).json() as { data: unknown }
  return JSON.stringify(history).split('"value"').length - 1
}

beforeAll(async () => {
  server = await startServer()
  admin = await login(server, demoEmail('admin', 'greenfield'))
  token = await createToken(admin, ['ingest'])
  const node = await firstZonedNode(admin)
  zoneId = node.zoneId
  nodeUid = node.uid
}, 60_000)
afterAll(() => server.stop())

describe('telemetry ingest', () => {
  it('stores a batch and answers 201', async () => {
    const response = await ingest(server.url, token, '/api/ingest/telemetry', { device: nodeUid, samples: [{ metric: 'co2', value: 612 }] })
    expect(response.status).toBe(201)
    expect(await latest('co2')).toBe(612)
  })

  it('refuses a token without the ingest ability (403) and a missing token (401)', async () => {
    const readOnly = await createToken(admin, ['read'])
    expect((await ingest(server.url, readOnly, '/api/ingest/telemetry', { device: nodeUid, samples: [{ metric: 'co2', value: 1 }] })).status).toBe(403)
    expect((await fetch(`${server.url}/api/ingest/telemetry`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401)
  })

  it.each([
    [{ device: 'x', samples: [{ metric: 'ph', value: 'NaN' }] }, 'samples.0.value'],
    [{ device: 'x', samples: [{ metric: 'ph', value: null }] }, 'samples.0.value'],
    [{ device: 'x', samples: [{ metric: 'ph', value: 6, at: 'yesterday' }] }, 'samples.0.at'],
  ])('answers 422 naming the field for %j', async (body, field) => {
    const response = await ingest(server.url, token, '/api/ingest/telemetry', body)
    expect(response.status).toBe(422)
    expect((await response.json() as { message: string }).message).toContain(field)
  })

  it('writes nothing when one item of a batch names an unknown device', async () => {
    const before = await historyCount('humidity_probe')
    const response = await ingest(server.url, token, '/api/ingest/telemetry', {
      items: [
        { device: nodeUid, samples: [{ metric: 'humidity_probe', value: 50 }] },
        { device: 'no-such-node', samples: [{ metric: 'humidity_probe', value: 51 }] },
      ],
    })
    expect(response.status).toBe(422)
    expect((await response.json() as { message: string }).message).toMatch(/device/)
    expect(await historyCount('humidity_probe')).toBe(before)
    expect(await latest('humidity_probe')).toBeUndefined()
  })
})

describe('Idempotency-Key', () => {
  it('answers a retry with the stored answer and stores nothing twice', async () => {
    const body = { device: nodeUid, samples: [{ metric: 'retry_metric', value: 7, at: new Date().toISOString() }] }
    const first = await ingest(server.url, token, '/api/ingest/telemetry', body, { 'idempotency-key': 'device-42-batch-1' })
    const again = await ingest(server.url, token, '/api/ingest/telemetry', body, { 'idempotency-key': 'device-42-batch-1' })
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotency-replayed')).toBe('true')
    expect(await again.json()).toEqual(await first.json())
    expect(await historyCount('retry_metric')).toBe(1)
  })

  it('refuses the same key with a different body (422)', async () => {
    await ingest(server.url, token, '/api/ingest/telemetry', { device: nodeUid, samples: [{ metric: 'k', value: 1 }] }, { 'idempotency-key': 'reused-key' })
    const other = await ingest(server.url, token, '/api/ingest/telemetry', { device: nodeUid, samples: [{ metric: 'k', value: 2 }] }, { 'idempotency-key': 'reused-key' })
    expect(other.status).toBe(422)
    expect((await other.json() as { message: string }).message).toMatch(/Idempotency-Key/)
  })
})

describe('positions and readings ingest', () => {
  it('stores a position batch and moves the vehicle on the fleet snapshot', async () => {
    const fleet = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/fleet`)).json() as { data: Array<{ id: number }> }
    const vehicleId = fleet.data[0]!.id
    const response = await ingest(server.url, token, '/api/ingest/positions', { positions: [{ vehicleId, lat: 52.3701, lon: 4.8901, speed: 42, course: 90, satellites: 9 }] })
    expect(response.status).toBe(201)
    const after = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/fleet`)).json() as { data: Array<{ id: number, status: string, position: { lat: number } | null }> }
    const vehicle = after.data.find(candidate => candidate.id === vehicleId)!
    expect(vehicle.position?.lat).toBeCloseTo(52.3701, 4)
    expect(vehicle.status).toBe('moving')
  })

  it('refuses out-of-range coordinates naming the field', async () => {
    const response = await ingest(server.url, token, '/api/ingest/positions', { positions: [{ vehicleId: 1, lat: 95, lon: 4.89 }] })
    expect(response.status).toBe(422)
    expect((await response.json() as { message: string }).message).toContain('positions.0.lat')
  })

  it('stores readings of a gateway and marks it online', async () => {
    const gateways = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/gateways`)).json() as { data: Array<{ id: number, serial: string }> }
    const gateway = gateways.data[0]!
    const points = await (await admin.fetch(`/api/gateways/${gateway.id}/data-points`)).json() as { data: Array<{ register: number }> }
    const response = await ingest(server.url, token, '/api/ingest/readings', { gateway: gateway.serial, readings: [{ register: points.data[0]!.register, raw: 1234 }] })
    expect(response.status).toBe(201)
    const detail = await (await admin.fetch(`/api/gateways/${gateway.id}`)).json() as { data: { online: boolean } }
    expect(detail.data.online).toBe(true)
  })
})
