// Timestamps out of range are a 4xx naming the field, never a 500 from the database, on PGlite and PostgreSQL
// (built server; the PostgreSQL half runs through scripts/with-postgres.sh).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { freshPostgres } from '../support/postgres-database'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

const YEAR_ZERO = '0000-01-01T00:00:00Z'
const YEAR_ZERO_LATER = '0000-01-02T00:00:00Z'

describe.each([
  { database: 'the embedded database', env: async (): Promise<Record<string, string>> => ({}) },
  { database: 'PostgreSQL', env: async (): Promise<Record<string, string>> => ({ DATABASE_URL: await freshPostgres() }) },
])('on $database', ({ env }) => {
  let server: ServerProcess
  let viewer: Session
  let token: string

  beforeAll(async () => {
    server = await startServer(await env())
    viewer = await login(server, demoEmail('viewer', 'greenfield'))
    token = await createToken(await login(server, demoEmail('admin', 'greenfield')), ['ingest'])
  }, 120_000)
  afterAll(() => server?.stop())

  /** Status and message of a GET by the viewer. */
  async function query(path: string): Promise<{ status: number, message: string }> {
    const response = await viewer.fetch(path)
    return { status: response.status, message: (await response.json() as { message: string }).message }
  }

  it.each([
    ['telemetry, from and to', `/api/zones/1/telemetry?metric=ph&from=${YEAR_ZERO}&to=${YEAR_ZERO_LATER}`, 'from'],
    ['telemetry, to alone', `/api/zones/1/telemetry?metric=ph&to=${YEAR_ZERO_LATER}`, 'to'],
    ['readings, from and to', `/api/gateways/1/readings?dataPointId=1&from=${YEAR_ZERO}&to=${YEAR_ZERO_LATER}`, 'from'],
    ['readings, to alone', `/api/gateways/1/readings?dataPointId=1&to=${YEAR_ZERO_LATER}`, 'to'],
    ['track, from and to', `/api/vehicles/1/track?from=${YEAR_ZERO}&to=${YEAR_ZERO_LATER}`, 'from'],
    ['track, to alone', `/api/vehicles/1/track?to=${YEAR_ZERO_LATER}`, 'to'],
  ])('refuses a year-0000 %s with 400 naming the field', async (_what, path, field) => {
    const answer = await query(path)
    expect(answer.status).toBe(400)
    expect(answer.message).toMatch(new RegExp(`^${field}: must be between 1970-01-01 and 2100-01-01`))
  })

  it('refuses ingest times before 1970 or past now + 5 min with 422 naming the field, and stores a sane one', async () => {
    const { uid } = await firstZonedNode(viewer)
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString()
    const cases = [
      { path: '/api/ingest/telemetry', body: { device: uid, samples: [{ metric: 'ph', value: 6, at: YEAR_ZERO }] }, field: 'samples.0.at' },
      { path: '/api/ingest/telemetry', body: { device: uid, samples: [{ metric: 'ph', value: 6, at: inAnHour }] }, field: 'samples.0.at' },
      { path: '/api/ingest/readings', body: { gateway: 'GREENFIELD-GW-1', readings: [{ register: 40001, value: 1, at: YEAR_ZERO }] }, field: 'readings.0.at' },
      { path: '/api/ingest/positions', body: { vehicleId: 1, lat: 52, lon: 4, at: YEAR_ZERO }, field: 'at' },
    ]
    for (const { path, body, field } of cases) {
      const response = await ingest(server.url, token, path, body)
      expect(response.status, path).toBe(422)
      expect((await response.json() as { message: string }).message, path).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: must be between 1970-01-01 and 5 minutes from now`))
    }
    const sane = await ingest(server.url, token, '/api/ingest/telemetry', { device: uid, samples: [{ metric: 'ph', value: 6, at: new Date(Date.now() - 60_000).toISOString() }] })
    expect(sane.status).toBe(201)
  })
})
