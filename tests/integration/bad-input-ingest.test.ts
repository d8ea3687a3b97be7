// Attacks on device ingest (and one REST route): bad tokens, oversized, deep and wrong-typed bodies, invalid
// numbers. Each gets a 4xx naming the field, nothing is stored (read back through the REST API), and the
// server keeps serving.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken } from '../support/ingest-token'
import { logMark, unhandledErrorsSince } from '../support/server-log'
import type { ServerProcess } from '../support/server-process'
import { startServer } from '../support/server-process'

let server: ServerProcess
/** Where the server's log stood when the current test began. */
let logAtStart = 0
let admin: Session
let token: string
let zoneId: number
let nodeUid: string
let vehicleId: number
let gateway: { id: number, serial: string, register: number }

/** POSTs a raw body to an ingest route with the device token (or the given headers). */
async function send(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number, message: string }> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body,
  })
  const text = await response.text()
  const message = text.startsWith('{') ? (JSON.parse(text) as { message?: string }).message ?? text : text
  return { status: response.status, message }
}

/** Values of a metric stored for the zone in the last hour. */
async function stored(metric: string): Promise<number[]> {
  const history = await (await admin.fetch(`/api/zones/${zoneId}/telemetry?metric=${metric}`)).json() as { data: { points: Array<{ value: number }> } }
  return history.data.points.map(point => point.value)
}

/** Where the fleet snapshot puts the test vehicle (its status may change with liveness sweeps, its fix may not). */
async function vehicleFix(): Promise<unknown> {
  const fleet = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/fleet`)).json() as { data: Array<{ id: number, position: Record<string, unknown> | null }> }
  const { status: _status, ...fix } = fleet.data.find(vehicle => vehicle.id === vehicleId)!.position ?? {}
  return fix
}

/** What the gateway's data points say (last values). */
async function gatewayState(): Promise<unknown> {
  return (await admin.fetch(`/api/gateways/${gateway.id}/data-points`)).json()
}

/** The server still answers a normal request: health is 200 and a good sample is stored. */
async function stillServing(): Promise<void> {
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  const value = Math.round(Math.random() * 1e6)
  expect((await send('/api/ingest/telemetry', JSON.stringify({ device: nodeUid, samples: [{ metric: 'canary', value }] }))).status).toBe(201)
  expect(await stored('canary')).toContain(value)
  expect(unhandledErrorsSince(server, logAtStart)).toEqual([])
}

beforeAll(async () => {
  server = await startServer()
  admin = await login(server, demoEmail('admin', 'greenfield'))
  token = await createToken(admin, ['ingest'])
  const node = await firstZonedNode(admin)
  zoneId = node.zoneId
  nodeUid = node.uid
  const fleet = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/fleet`)).json() as { data: Array<{ id: number }> }
  vehicleId = fleet.data[0]!.id
  const gateways = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/gateways`)).json() as { data: Array<{ id: number, serial: string }> }
  const points = await (await admin.fetch(`/api/gateways/${gateways.data[0]!.id}/data-points`)).json() as { data: Array<{ register: number }> }
  gateway = { ...gateways.data[0]!, register: points.data[0]!.register }
}, 60_000)
beforeEach(() => {
  logAtStart = logMark(server)
})
afterAll(() => server.stop())

describe('credentials', () => {
  it.each([
    ['no Authorization header', {}],
    ['an empty Bearer token', { authorization: 'Bearer ' }],
    ['a token that is not one', { authorization: 'Bearer not-a-token' }],
    ['a well-formed token that does not exist', { authorization: `Bearer lk_999999_${'a'.repeat(40)}` }],
    ['the right token with one character changed', {}],
    ['Basic credentials', { authorization: 'Basic YWRtaW46bG9va291dC1kZW1v' }],
  ])('refuses %s with 401 and stores nothing', async (what, headers) => {
    const auth = what.startsWith('the right token') ? { authorization: `Bearer ${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}` } : headers
    const response = await fetch(`${server.url}/api/ingest/telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ device: nodeUid, samples: [{ metric: 'unauthorised', value: 1 }] }),
    })
    expect(response.status).toBe(401)
    expect(await stored('unauthorised')).toEqual([])
    await stillServing()
  })
})

describe('bodies', () => {
  it('refuses a body over 1 MB with 413, announced or streamed, and stores nothing', async () => {
    const body = JSON.stringify({ device: nodeUid, samples: [{ metric: 'oversized', value: 1 }], padding: 'x'.repeat(1_100_000) })
    expect(await send('/api/ingest/telemetry', body)).toEqual({ status: 413, message: 'body: at most 1000000 bytes' })
    const chunks = [body.slice(0, 600_000), body.slice(600_000)]
    const streamed = await fetch(`${server.url}/api/ingest/telemetry`, {
      method: 'POST',
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
      body: new ReadableStream({ pull: (controller) => { const chunk = chunks.shift(); if (chunk) controller.enqueue(new TextEncoder().encode(chunk)); else controller.close() } }),
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(await stored('oversized')).toEqual([])
    await stillServing()
  })

  it('refuses an oversized body on a REST route with 413 too', async () => {
    const response = await admin.fetch(`/api/zones/${zoneId}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'irrigate', params: { note: 'x'.repeat(1_100_000) } }) })
    expect(response.status).toBe(413)
    await stillServing()
  })

  it.each([
    ['plain text', 'text/plain', JSON.stringify({ device: 'x', samples: [{ metric: 'typed', value: 1 }] }), /^body: /],
    ['a form', 'application/x-www-form-urlencoded', 'device=x&samples=1', /^samples: /],
    ['XML', 'application/xml', '<telemetry device="x"/>', /^body: /],
    ['multipart', 'multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="device"\r\n\r\nx\r\n--b--', /^body: /],
    ['JSON that is cut off', 'application/json', '{"device":"x","samples":[', /^body: not valid JSON/],
    ['the literal NaN', 'application/json', '{"device":"x","samples":[{"metric":"typed","value":NaN}]}', /^body: not valid JSON/],
    ['a __proto__ key', 'application/json', '{"device":"x","__proto__":{"admin":true},"samples":[{"metric":"typed","value":1}]}', /^body: /],
  ])('refuses %s with a 4xx naming the body or field, and stores nothing', async (_what, contentType, body, message) => {
    const answer = await send('/api/ingest/telemetry', body, { 'content-type': contentType })
    expect([400, 422]).toContain(answer.status)
    expect(answer.message).toMatch(message)
    expect(await stored('typed')).toEqual([])
    await stillServing()
  })

  it('accepts JSON sent with a charset or without any Content-Type', async () => {
    const body = (value: number) => JSON.stringify({ device: nodeUid, samples: [{ metric: 'untyped', value }] })
    expect((await send('/api/ingest/telemetry', body(1), { 'content-type': 'application/json; charset=utf-8' })).status).toBe(201)
    const response = await fetch(`${server.url}/api/ingest/telemetry`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new TextEncoder().encode(body(2)) })
    expect(response.status).toBe(201)
    expect((await stored('untyped')).sort()).toEqual([1, 2])
  })

  it.each([
    ['the samples', `{"device":"DEVICE","samples":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'samples.0'],
    ['a sample value', `{"device":"DEVICE","samples":[{"metric":"deep","value":${'['.repeat(10_000)}${']'.repeat(10_000)}}]}`, 'samples.0.value'],
    ['the whole body', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'body'],
  ])('refuses 10 000 nested arrays as %s with 422 naming it', async (_what, body, field) => {
    const answer = await send('/api/ingest/telemetry', body.replace('DEVICE', nodeUid))
    expect(answer.status).toBe(422)
    expect(answer.message.startsWith(`${field}: `)).toBe(true)
    expect(await stored('deep')).toEqual([])
    await stillServing()
  })

  it('refuses command params nested 10 000 levels deep with 422 naming params (it used to be a 500)', async () => {
    const commandIds = async () => ((await (await admin.fetch(`/api/zones/${zoneId}/commands`)).json()) as { data: Array<{ id: number }> }).data.map(command => command.id)
    const before = await commandIds()
    const response = await admin.fetch(`/api/zones/${zoneId}/commands`, { method: 'POST', body: `{"kind":"irrigate","params":{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}}` })
    expect(response.status).toBe(422)
    expect((await response.json() as { message: string }).message).toMatch(/^params: /)
    expect(await commandIds()).toEqual(before)
    await stillServing()
  })

  it('refuses 1001 samples (huge JSON) with 422 naming samples', async () => {
    const samples = Array.from({ length: 1_001 }, (_, i) => ({ metric: 'huge', value: i }))
    const answer = await send('/api/ingest/telemetry', JSON.stringify({ device: nodeUid, samples }))
    expect(answer.status).toBe(422)
    expect(answer.message).toMatch(/^samples: /)
    expect(await stored('huge')).toEqual([])
    await stillServing()
  })
})

describe('numbers', () => {
  it.each([
    ['"NaN"', '"NaN"'],
    ['"Infinity"', '"Infinity"'],
    ['"-Infinity"', '"-Infinity"'],
    ['a number in a string', '"6.1"'],
    ['1e400, which JSON.parse makes Infinity', '1e400'],
    ['-1e400', '-1e400'],
    ['null', 'null'],
    ['true', 'true'],
  ])('refuses the telemetry value %s with 422 naming samples.0.value', async (_what, value) => {
    const answer = await send('/api/ingest/telemetry', `{"device":"${nodeUid}","samples":[{"metric":"numbers","value":${value}}]}`)
    expect(answer.status).toBe(422)
    expect(answer.message).toMatch(/^samples\.0\.value: /)
    expect(await stored('numbers')).toEqual([])
    await stillServing()
  })

  it.each([
    ['lat', 90.000001], ['lat', -91], ['lat', '52.1'], ['lat', '1e400'],
    ['lon', 180.5], ['lon', -181], ['lon', 'NaN'],
    ['speed', -1], ['speed', 1000.5], ['speed', 'Infinity'],
    ['course', 361], ['course', -0.5],
    ['altitude', 20_001], ['satellites', 3.5], ['satellites', 256],
    ['vehicleId', 0], ['vehicleId', 2 ** 31], ['vehicleId', 1.5],
  ])('refuses the position %s %j with 422 naming it, and the vehicle does not move', async (field, value) => {
    const before = await vehicleFix()
    const position: Record<string, unknown> = { vehicleId, lat: 52.1, lon: 4.9, speed: 30, course: 90, altitude: 10, satellites: 9 }
    position[field] = value
    const body = JSON.stringify({ positions: [position] }).replace('"1e400"', '1e400')
    const answer = await send('/api/ingest/positions', body)
    expect(answer.status).toBe(422)
    expect(answer.message).toMatch(new RegExp(`^positions\\.0\\.${field}: `))
    expect(await vehicleFix()).toEqual(before)
    await stillServing()
  })

  it.each([
    ['register', { register: 65_536, raw: 1 }, 'readings.1.register'],
    ['register', { register: -1, raw: 1 }, 'readings.1.register'],
    ['register', { register: 1.5, raw: 1 }, 'readings.1.register'],
    ['raw', { register: 'REGISTER', raw: 'NaN' }, 'readings.1.raw'],
    ['value', { register: 'REGISTER', raw: 1, value: 2 }, 'readings.1.value'],
    ['value', { register: 'REGISTER' }, 'readings.1.value'],
    ['quality', { register: 'REGISTER', raw: 1, quality: 'excellent' }, 'readings.1.quality'],
    ['register', { register: 9_999, raw: 1 }, 'readings.1.register'],
  ])('refuses a batch whose second reading has a bad %s with 422 naming it, and stores neither reading', async (_what, reading, field) => {
    const before = await gatewayState()
    const body = JSON.stringify({ gateway: gateway.serial, readings: [{ register: gateway.register, raw: 100 }, reading] })
      .replace('"REGISTER"', String(gateway.register))
    const answer = await send('/api/ingest/readings', body)
    expect(answer.status).toBe(422)
    expect(answer.message.startsWith(`${field}: `)).toBe(true)
    expect(await gatewayState()).toEqual(before)
    await stillServing()
  })
})
