// Modbus TCP polling against real modbus-serial servers on loopback: admin-only connection settings inside
// MODBUS_ALLOWED_HOSTS, the connection test, polls stored and broadcast exactly like pushed readings, failed
// points marked bad with their last good value kept, poll health, offline and back.
import type PusherJs from 'pusher-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connected, pusherClient, serverSdk } from '../support/clients'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import type { ModbusDevice } from '../support/modbus-device'
import { startModbusDevice } from '../support/modbus-device'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { closedPort, createModbusGateway, detail, until } from '../support/modbus-gateways'

let server: ServerProcess
let admin: Session
let operator: Session
let device: ModbusDevice
let client: PusherJs

beforeAll(async () => {
  server = await startServer({ MODBUS_ALLOWED_HOSTS: '127.0.0.0/8', MODBUS_REFRESH_MS: '200', DOMAIN_SWEEP_MS: '500' })
  admin = await login(server, demoEmail('admin', 'greenfield'))
  operator = await login(server, demoEmail('operator', 'greenfield'))
  // 21.5 as float32 with the low word first at 2-3; -2 as int32 (big) at 4-5.
  device = await startModbusDevice({ 0: 1234, 2: 0x0000, 3: 0x41AC, 4: 0xFFFF, 5: 0xFFFE }, { 0: true })
  client = pusherClient(server, serverSdk(server))
  await connected(client)
}, 120_000)

afterAll(async () => {
  client?.disconnect()
  await device?.close()
  await server?.stop()
})

function collect(channel: string, event: string): unknown[] {
  const seen: unknown[] = []
  client.subscribe(channel).bind(event, (data: unknown) => seen.push(data))
  return seen
}

describe('Modbus connection settings', () => {
  it('lets only admins set a connection: an operator gets 403 naming connection, yet may add data points', async () => {
    const gateway = await createModbusGateway(admin, { protocol: 'push' }, 'SETTINGS-1')
    const refused = await operator.fetch(`/api/gateways/${gateway.id}`, { method: 'PATCH', body: JSON.stringify({ connection: { protocol: 'modbus-tcp', host: '127.0.0.1' } }) })
    expect(refused.status).toBe(403)
    expect((await refused.json() as { data: { field: string } }).data.field).toBe('connection')
    const point = await operator.fetch(`/api/gateways/${gateway.id}/data-points`, { method: 'POST', body: JSON.stringify({ register: 7, label: 'Level' }) })
    expect(point.status).toBe(201)
    expect(await point.json()).toMatchObject({ data: { register: 7, function: 'holding', dataType: 'uint16', wordOrder: 'big', scale: 1, offset: 0 } })
  })

  it('answers 422 naming connection.host for a host outside MODBUS_ALLOWED_HOSTS, and fills the defaults', async () => {
    const gateway = await createModbusGateway(admin, { protocol: 'push' }, 'SETTINGS-2')
    const outside = await admin.fetch(`/api/gateways/${gateway.id}`, { method: 'PATCH', body: JSON.stringify({ connection: { protocol: 'modbus-tcp', host: '169.254.169.254' } }) })
    expect(outside.status).toBe(422)
    expect((await outside.json() as { data: { field: string } }).data.field).toBe('connection.host')
    const inside = await admin.fetch(`/api/gateways/${gateway.id}`, { method: 'PATCH', body: JSON.stringify({ connection: { protocol: 'modbus-tcp', host: '127.0.0.1' } }) })
    expect(await inside.json()).toMatchObject({ data: { connection: { protocol: 'modbus-tcp', host: '127.0.0.1', port: 502, unitId: 1, pollIntervalMs: 5000, timeoutMs: 2000 } } })
  })

  it('refuses a coil read as anything but bool, naming dataType, and lets coil 0 sit beside holding register 0', async () => {
    const gateway = await createModbusGateway(admin, { protocol: 'push' }, 'SETTINGS-3')
    const add = (body: unknown) => admin.fetch(`/api/gateways/${gateway.id}/data-points`, { method: 'POST', body: JSON.stringify(body) })
    const wrong = await add({ register: 0, function: 'coil', dataType: 'uint16', label: 'Pump' })
    expect(wrong.status).toBe(422)
    expect((await wrong.json() as { data: { field: string } }).data.field).toBe('dataType')
    expect((await add({ register: 0, function: 'coil', label: 'Pump' })).status).toBe(201)
    expect((await add({ register: 0, label: 'Level' })).status).toBe(201)
    expect((await add({ register: 0, label: 'Level again' })).status).toBe(409)
  })
})

describe('Modbus connection test', () => {
  it('reads every data point once and answers values, exception codes with their names, storing nothing', async () => {
    // A pushed gateway, tested with the connection it would get: no poller reads it meanwhile.
    const gateway = await createModbusGateway(admin, { protocol: 'push' }, 'TEST-1', [
      { register: 0, label: 'Raw', scale: 0.1, offset: 1 },
      { register: 2, label: 'Temperature', dataType: 'float32', wordOrder: 'little' },
      { register: 4, label: 'Signed', dataType: 'int32' },
      { register: 0, function: 'coil', label: 'Pump' },
      { register: 5000, label: 'Out of range' },
    ])
    const before = device.requests()
    const connection = { protocol: 'modbus-tcp', host: '127.0.0.1', port: device.port }
    const response = await admin.fetch(`/api/gateways/${gateway.id}/test`, { method: 'POST', body: JSON.stringify({ connection }) })
    expect(response.status).toBe(200)
    const { data } = await response.json() as { data: { connected: boolean, points: Array<{ label: string, value: number | null, error: { kind: string, exceptionCode?: number, exceptionName?: string } | null }> } }
    expect(data.connected).toBe(true)
    const byLabel = Object.fromEntries(data.points.map(point => [point.label, point]))
    expect(byLabel.Raw!.value).toBeCloseTo(124.4, 6)
    expect(byLabel.Temperature!.value).toBe(21.5)
    expect(byLabel.Signed!.value).toBe(-2)
    expect(byLabel.Pump!.value).toBe(1)
    expect(byLabel['Out of range']).toMatchObject({ value: null, error: { kind: 'exception', exceptionCode: 2, exceptionName: 'Illegal Data Address' } })
    expect(device.requests()).toBeGreaterThan(before)
    const points = (await detail(admin, gateway.id)).groups.flatMap(group => group.dataPoints)
    expect(points.every(point => point.lastValue === null && point.lastReadAt === null)).toBe(true)
  })

  it('names a refused connection and a timeout', async () => {
    const gateway = await createModbusGateway(admin, { protocol: 'push' }, 'TEST-2', [{ register: 0, label: 'A' }])
    const test = async (connection: unknown) => (await (await admin.fetch(`/api/gateways/${gateway.id}/test`, { method: 'POST', body: JSON.stringify({ connection }) })).json() as { data: { connected: boolean, error: { kind: string, message: string } } }).data
    const refused = await test({ protocol: 'modbus-tcp', host: '127.0.0.1', port: await closedPort() })
    expect(refused).toMatchObject({ connected: false, error: { kind: 'connection-refused' } })
    device.delayMs = 600
    try {
      const slow = await test({ protocol: 'modbus-tcp', host: '127.0.0.1', port: device.port, timeoutMs: 200 })
      expect(slow).toMatchObject({ connected: true, error: null })
      expect((slow as unknown as { points: Array<{ error: { kind: string } }> }).points[0]!.error.kind).toBe('timeout')
    }
    finally {
      device.delayMs = 0
    }
    const outside = await admin.fetch(`/api/gateways/${gateway.id}/test`, { method: 'POST', body: JSON.stringify({ connection: { protocol: 'modbus-tcp', host: '10.9.9.9' } }) })
    expect(outside.status).toBe(422)
    expect((await operator.fetch(`/api/gateways/${gateway.id}/test`, { method: 'POST', body: '{}' })).status).toBe(403)
  })
})

describe('Modbus polling', () => {
  it('stores each poll and broadcasts reading.new exactly as pushed readings are broadcast', async () => {
    const gateway = await createModbusGateway(admin, { protocol: 'modbus-tcp', host: '127.0.0.1', port: device.port, pollIntervalMs: 300 }, 'POLL-1', [
      { register: 0, label: 'Raw', scale: 0.5 },
      { register: 2, label: 'Temperature', dataType: 'float32', wordOrder: 'little' },
    ])
    const polled = collect(`private-gateway.${gateway.id}`, 'reading.new')
    await until(() => polled.length >= 2, 'two polled reading.new events')
    const event = polled[0] as { gatewayId: number, readings: Array<Record<string, unknown>> }
    expect(event.gatewayId).toBe(gateway.id)
    expect(event.readings.map(reading => reading.value).sort()).toEqual([21.5, 617])
    expect(event.readings.every(reading => reading.quality === 'good')).toBe(true)

    // A pushed reading of a push gateway, for comparison: same event, same fields.
    const pushGateway = await createModbusGateway(admin, { protocol: 'push' }, 'PUSH-1', [{ register: 0, label: 'Raw' }])
    const pushed = collect(`private-gateway.${pushGateway.id}`, 'reading.new')
    await new Promise(resolve => setTimeout(resolve, 300))
    const token = await createToken(admin, ['ingest'])
    expect((await ingest(server.url, token, '/api/ingest/readings', { gateway: 'PUSH-1', readings: [{ register: 0, raw: 5 }] })).status).toBe(201)
    await until(() => pushed.length === 1, 'the pushed reading.new')
    const pushedEvent = pushed[0] as { readings: Array<Record<string, unknown>> }
    expect(Object.keys(event).sort()).toEqual(Object.keys(pushedEvent).sort())
    expect(Object.keys(event.readings[0]!).sort()).toEqual(Object.keys(pushedEvent.readings[0]!).sort())

    const shown = await detail(admin, gateway.id)
    expect(shown.online).toBe(true)
    expect(shown.lastContactAt).not.toBeNull()
    expect(shown.pollHealth).toMatchObject({ consecutiveFailures: 0, lastError: null })
    expect(shown.pollHealth!.lastPollAt).not.toBeNull()
    expect(shown.pollHealth!.durationMs).toBeGreaterThanOrEqual(0)
    const raw = shown.groups.flatMap(group => group.dataPoints).find(point => point.label === 'Raw')!
    const history = await (await admin.fetch(`/api/gateways/${gateway.id}/readings?dataPointId=${raw.id}`)).json() as { data: { points: Array<{ value: number, quality: string }> } }
    expect(history.data.points.length).toBeGreaterThanOrEqual(2)
    expect(history.data.points.every(point => point.value === 617 && point.quality === 'good')).toBe(true)
  })

  it('counts stored polls in /metrics as ingest batches of source modbus, kind readings, with their latency', async () => {
    // POLL-1 of the test above goes on polling every 300 ms.
    let text = ''
    await until(async () => {
      text = await (await fetch(`${server.url}/metrics`)).text()
      return /^lookout_ingest_batches_total\{source="modbus",kind="readings",outcome="stored"\} [1-9]/m.test(text)
    }, 'stored Modbus polls counted in /metrics')
    expect(text).toMatch(/^lookout_ingest_duration_seconds_count\{source="modbus",kind="readings"\} [1-9]/m)
  })

  it('marks a point whose read fails bad with its error, keeping and re-sending its last good value; good again once readable', async () => {
    const flaky = await startModbusDevice({ 0: 10, 1: 20 })
    try {
      const gateway = await createModbusGateway(admin, { protocol: 'modbus-tcp', host: '127.0.0.1', port: flaky.port, pollIntervalMs: 300 }, 'POLL-2', [
        { register: 0, label: 'Kept' },
        { register: 1, label: 'Lost' },
      ])
      const events = collect(`private-gateway.${gateway.id}`, 'reading.new') as Array<{ readings: Array<{ dataPointId: number, value: number, quality: string, error?: string }> }>
      await until(() => events.length >= 1, 'a first poll')
      flaky.lastAddress = 0
      await until(() => events.some(event => event.readings.some(reading => reading.quality === 'bad')), 'a poll with a failed point')
      const bad = events.flatMap(event => event.readings).find(reading => reading.quality === 'bad')!
      expect(bad).toMatchObject({ value: 20, error: 'Modbus exception 2 (Illegal Data Address)' })
      const shown = await detail(admin, gateway.id)
      const lost = shown.groups.flatMap(group => group.dataPoints).find(point => point.label === 'Lost')!
      expect(lost).toMatchObject({ lastValue: 20, lastQuality: 'bad', lastError: 'Modbus exception 2 (Illegal Data Address)' })
      expect(shown.pollHealth!.consecutiveFailures).toBeGreaterThanOrEqual(1)
      expect(shown.online).toBe(true)
      flaky.lastAddress = 999
      flaky.holding.set(1, 21)
      await until(async () => (await detail(admin, gateway.id)).groups.flatMap(group => group.dataPoints).some(point => point.label === 'Lost' && point.lastQuality === 'good' && point.lastValue === 21 && point.lastError === null), 'the point good again')
    }
    finally {
      await flaky.close()
    }
  })

  it('takes a gateway whose device is gone offline with its alert after offlineAfterSeconds, and back online by itself', async () => {
    const fading = await startModbusDevice({ 0: 1 })
    const port = fading.port
    const gateway = await createModbusGateway(admin, { protocol: 'modbus-tcp', host: '127.0.0.1', port, pollIntervalMs: 300, timeoutMs: 200 }, 'POLL-3', [{ register: 0, label: 'A' }], 10)
    await until(async () => (await detail(admin, gateway.id)).online, 'online', 15_000)
    await fading.close()
    await until(async () => !(await detail(admin, gateway.id)).online, 'offline after 10 s without answers', 30_000)
    const health = (await detail(admin, gateway.id)).pollHealth!
    expect(health.consecutiveFailures).toBeGreaterThan(1)
    expect(health.lastError).toMatch(/refused|closed/)
    const alerts = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/alerts`)).json() as { data: Array<{ gatewayId: number | null, status: string }> }
    expect(alerts.data.some(alert => alert.gatewayId === gateway.id && alert.status !== 'resolved')).toBe(true)
    const back = await startModbusDevice({ 0: 1 }, {}, port)
    try {
      await until(async () => (await detail(admin, gateway.id)).online, 'back online', 30_000)
    }
    finally {
      await back.close()
    }
  })
})
