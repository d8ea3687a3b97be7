// Trips, stops and the streamed CSV exports on the built server: detection from back-filled positions, 422 naming
// the bad field, RFC 4180 downloads paged from the database, and the same tenant rule as the JSON routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let northwind: Session
let greenfield: Session
let token: string
let vehicleId: number
/** The back-filled day: two drives around a 20-minute stop, two days ago. */
const dayStart = new Date(Date.now() - 2 * 86_400_000)
const at = (minutes: number) => new Date(dayStart.getTime() + minutes * 60_000).toISOString()
const range = `from=${encodeURIComponent(at(-60))}&to=${encodeURIComponent(at(120))}`

/** Fixes every 30 s for `minutes`, from minute `start`, driving north at `speed` from `lat` with the ignition as given. */
function fixes(start: number, minutes: number, lat: number, speed: number, ignition: boolean) {
  return Array.from({ length: minutes * 2 }, (_, index) => ({
    vehicleId, lat: lat + index * speed / 120 / 111.195, lon: 4.9, speed, satellites: 10, at: at(start + index / 2), sensors: { ignition, fuel: 40 },
  }))
}

beforeAll(async () => {
  server = await startServer()
  northwind = await login(server, demoEmail('admin', 'northwind'))
  greenfield = await login(server, demoEmail('admin', 'greenfield'))
  token = await createToken(northwind, ['ingest'])
  const vehicles = await (await northwind.fetch(`/api/tenants/${northwind.user.tenantId}/vehicles`)).json() as { data: Array<{ id: number }> }
  vehicleId = vehicles.data[0]!.id
  const body = { positions: [...fixes(0, 10, 52, 48, true), ...fixes(10, 20, 52 + 20 * 48 / 120 / 111.195, 0, false), ...fixes(30, 10, 52.08, 48, true)] }
  expect((await ingest(server.url, token, '/api/ingest/positions', body)).status).toBe(201)
}, 90_000)
afterAll(() => server.stop())

describe('GET /api/vehicles/{v}/trips and /stops', () => {
  it('splits the back-filled day by ignition into two trips around one stop', async () => {
    const trips = await (await northwind.fetch(`/api/vehicles/${vehicleId}/trips?${range}`)).json() as { data: Array<Record<string, unknown>> }
    expect(trips.data).toEqual([
      expect.objectContaining({ startAt: at(0), endAt: at(10), startLat: 52, startLon: 4.9, maxSpeed: 48, durationSeconds: 600 }),
      expect.objectContaining({ startAt: at(30), endAt: at(39.5), durationSeconds: 570 }),
    ])
    expect(trips.data[0]!.distanceKm).toBeCloseTo(8, 0)
    const stops = await (await northwind.fetch(`/api/vehicles/${vehicleId}/stops?${range}`)).json() as { data: unknown[] }
    expect(stops.data).toEqual([expect.objectContaining({ startAt: at(10), endAt: at(30), durationSeconds: 1200 })])
  })

  it.each([
    ['from=yesterday', 'from'],
    [`to=${encodeURIComponent(at(0))}&from=${encodeURIComponent(at(10))}`, 'from'],
    ['to=2200-01-01T00:00:00Z', 'to'],
    [`from=${encodeURIComponent(at(-400 * 24 * 60))}&to=${encodeURIComponent(at(0))}`, 'to'],
  ])('answers 422 naming the field for %s', async (query, field) => {
    for (const route of ['trips', 'stops']) {
      const response = await northwind.fetch(`/api/vehicles/${vehicleId}/${route}?${query}`)
      expect(response.status).toBe(422)
      expect((await response.json() as { message: string }).message).toMatch(new RegExp(`^${field}:`))
    }
  })

  it('refuses another tenant\'s vehicle with 403, as the track route does', async () => {
    for (const route of ['trips', 'stops', 'track', 'trips?format=csv', 'track?format=csv']) {
      expect((await greenfield.fetch(`/api/vehicles/${vehicleId}/${route}`)).status, route).toBe(403)
    }
  })
})

describe('GET /api/tenants/{t}/vehicle-summaries', () => {
  const summaries = (session: Session, query: string) => session.fetch(`/api/tenants/${northwind.user.tenantId}/vehicle-summaries?${range}&${query}`)

  it('sums the chosen vehicle\'s days: driving and idle time inside trips, the stop in neither', async () => {
    const answer = await (await summaries(northwind, `vehicles=${vehicleId}&timeZone=UTC`)).json() as { data: Array<Record<string, number | string>> }
    expect(new Set(answer.data.map(day => day.vehicleId))).toEqual(new Set([vehicleId]))
    const total = (key: string) => answer.data.reduce((sum, day) => sum + Number(day[key]), 0)
    expect(total('drivingSeconds')).toBe(1140)
    expect(total('idleSeconds')).toBe(30)
    // 9.5 minutes at 48 km/h in each trip, and the 0.4 km the first one rolls to its parking place.
    expect(total('distanceKm')).toBeCloseTo(15.6, 0)
    expect(Math.max(...answer.data.map(day => Number(day.maxSpeed)))).toBe(48)
    expect(total('speedingEvents')).toBe(0)
  })

  it('downloads the same rows as CSV', async () => {
    const response = await summaries(northwind, `vehicles=${vehicleId}&timeZone=Europe/Amsterdam&format=csv`)
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="vehicle-summaries-\d+_/)
    const lines = (await response.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe('vehicleId,vehicleName,day,distanceKm,drivingSeconds,idleSeconds,maxSpeed,geozoneVisits,speedingEvents')
    expect(lines.slice(1).every(line => line.startsWith(`${vehicleId},`))).toBe(true)
  })

  it.each([['timeZone=Mars/Olympus', 'timeZone'], ['vehicles=1,x', 'vehicles'], ['vehicles=999999', 'vehicles']])('answers 422 naming the field for %s', async (query, field) => {
    const response = await summaries(northwind, query)
    expect(response.status).toBe(422)
    expect((await response.json() as { message: string }).message).toMatch(new RegExp(`^${field}:`))
  })

  it('refuses another tenant\'s report and another tenant\'s vehicle in one\'s own', async () => {
    expect((await summaries(greenfield, '')).status).toBe(403)
    const own = await greenfield.fetch(`/api/tenants/${greenfield.user.tenantId}/vehicle-summaries?vehicles=${vehicleId}`)
    expect(own.status).toBe(422)
  })
})

describe('CSV exports', () => {
  it('downloads the trips as an RFC 4180 attachment with a header line', async () => {
    const response = await northwind.fetch(`/api/vehicles/${vehicleId}/trips?${range}&format=csv`)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="vehicle-${vehicleId}-trips_[\\w-]+\\.csv"$`))
    const lines = (await response.text()).split('\r\n')
    expect(lines[0]).toBe('startAt,endAt,startLat,startLon,endLat,endLon,distanceKm,durationSeconds,maxSpeed,avgSpeed')
    expect(lines.slice(1, 3).map(line => line.split(',').slice(0, 2))).toEqual([[at(0), at(10)], [at(30), at(39.5)]])
    expect(lines[3]).toBe('')
  })

  it('streams every position of a long track across database pages, none thinned out', async () => {
    const extra = Array.from({ length: 2600 }, (_, index) => ({ vehicleId, lat: 53, lon: 5 + index / 1e5, speed: 30, at: at(-60 + index / 60) }))
    for (let index = 0; index < extra.length; index += 1000) {
      expect((await ingest(server.url, token, '/api/ingest/positions', { positions: extra.slice(index, index + 1000) })).status).toBe(201)
    }
    const response = await northwind.fetch(`/api/vehicles/${vehicleId}/track?${range}&format=csv`)
    const lines = (await response.text()).trimEnd().split('\r\n')
    expect(lines[0]).toBe('recordedAt,lat,lon,speed,course,altitude,satellites,ignition,fuel,temperature,doors,movement,externalVoltage,batteryVoltage,odometerKm')
    expect(lines).toHaveLength(1 + 2600 + 80)
    const times = lines.slice(1).map(line => Date.parse(line.split(',')[0]!))
    expect(times.every((time, index) => index === 0 || time >= times[index - 1]!)).toBe(true)
    expect(lines.at(-1)).toBe(`${at(39.5)},${52.08 + 19 * 48 / 120 / 111.195},4.9,48,0,,10,true,40,,,,,,`)
  })

  it('exports zone telemetry and gateway readings, and refuses them to another tenant', async () => {
    const node = await firstZonedNode(northwind)
    const when = new Date(Date.now() - 60_000).toISOString()
    await ingest(server.url, token, '/api/ingest/telemetry', { device: node.uid, samples: [{ metric: 'export_probe', value: -1.5, at: when }] })
    const telemetry = await northwind.fetch(`/api/zones/${node.zoneId}/telemetry?metric=export_probe&format=csv`)
    expect(telemetry.headers.get('content-disposition')).toMatch(/filename="zone-\d+-export_probe_/)
    expect((await telemetry.text()).split('\r\n').slice(1, 2)).toEqual([expect.stringMatching(new RegExp(`^${when},\\d+,${node.uid},export_probe,-1.5$`))])
    expect((await greenfield.fetch(`/api/zones/${node.zoneId}/telemetry?metric=export_probe&format=csv`)).status).toBe(403)

    const gateways = await (await northwind.fetch(`/api/tenants/${northwind.user.tenantId}/gateways`)).json() as { data: Array<{ id: number, serial: string }> }
    const gateway = gateways.data[0]!
    const points = await (await northwind.fetch(`/api/gateways/${gateway.id}/data-points`)).json() as { data: Array<{ id: number, register: number }> }
    await ingest(server.url, token, '/api/ingest/readings', { gateway: gateway.serial, readings: [{ register: points.data[0]!.register, value: 12.5, at: when }] })
    const readings = await northwind.fetch(`/api/gateways/${gateway.id}/readings?dataPointId=${points.data[0]!.id}&format=csv`)
    expect((await readings.text()).split('\r\n').slice(0, 2)).toEqual(['recordedAt,dataPointId,value,quality', `${when},${points.data[0]!.id},12.5,good`])
    expect((await greenfield.fetch(`/api/gateways/${gateway.id}/readings?dataPointId=${points.data[0]!.id}&format=csv`)).status).toBe(403)
  })
})
