// PostgreSQL stopped under a running server: ingest answers 503 + Retry-After, the realtime side keeps working,
// health says the database is down; once PostgreSQL is back, ingest resumes by itself with nothing half-stored.
import type Pusher from 'pusher'
import type PusherJs from 'pusher-js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connected, pusherClient, serverSdk, waitFor } from '../support/clients'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { DeviceLoad, storedSamples } from '../support/ingest-load'
import { createToken, ingest } from '../support/ingest-token'
import { startPostgres } from '../support/postgres-process'
import type { PostgresProcess } from '../support/postgres-process'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let postgres: PostgresProcess
let server: ServerProcess
let sdk: Pusher
let admin: Session
let token: string
let node: { uid: string, zoneId: number }
const clients: PusherJs[] = []

beforeAll(async () => {
  postgres = await startPostgres()
  server = await startServer({ DATABASE_URL: postgres.url, SESSION_SECRET: 's'.repeat(40) })
  sdk = serverSdk(server)
  admin = await login(server, demoEmail('admin', 'greenfield'))
  token = await createToken(admin, ['ingest'])
  node = await firstZonedNode(admin)
}, 60_000)
afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect()
  // A failed test must not leave the next one without its database.
  await postgres.start().catch(() => undefined)
})
afterAll(async () => {
  await server?.stop()
  await postgres?.dispose()
})

interface Health { status: string, database: string }

async function health(): Promise<{ status: number, body: Health }> {
  const response = await fetch(`${server.url}/api/health`)
  return { status: response.status, body: await response.json() as Health }
}

const telemetry = (metric: string) => ingest(server.url, token, '/api/ingest/telemetry', { device: node.uid, samples: [{ metric, value: 1 }] })

/** A pusher-js client subscribed to a private channel (signed by the SDK, no database involved), with what it receives. */
async function listener(channelName: string): Promise<Array<{ n: number }>> {
  const client = pusherClient(server, sdk)
  clients.push(client)
  const events: Array<{ n: number }> = []
  let ready = false
  const channel = client.subscribe(channelName)
  channel.bind('pusher:subscription_succeeded', () => (ready = true))
  channel.bind('notice', (data: { n: number }) => events.push(data))
  await connected(client)
  await waitFor(() => ready, 5_000, `subscription to ${channelName}`)
  return events
}

describe('PostgreSQL going away under a running server', () => {
  it('answers ingest with 503 and Retry-After, keeps the realtime side working, reports the database down, and resumes by itself', async () => {
    expect((await telemetry('before_outage')).status).toBe(201)
    const before = await listener('private-outage')

    await postgres.stop()
    for (const [path, body] of [
      ['/api/ingest/telemetry', { device: node.uid, samples: [{ metric: 'during_outage', value: 1 }] }],
      ['/api/ingest/positions', { vehicleId: 1, lat: 52.1, lon: 4.3 }],
      ['/api/ingest/gateways/heartbeat', { gateway: 'any' }],
    ] as const) {
      const response = await ingest(server.url, token, path, body)
      expect(response.status, path).toBe(503)
      expect(response.headers.get('retry-after'), path).toBe('5')
      expect((await response.json() as { message: string }).message, path).toMatch(/database is unavailable/)
    }
    const commands = await fetch(`${server.url}/api/ingest/commands?device=${node.uid}`, { headers: { authorization: `Bearer ${token}` } })
    expect(commands.status).toBe(503)
    expect(await health()).toEqual({ status: 200, body: expect.objectContaining({ status: 'degraded', database: 'down' }) })

    // Sockets opened before and during the outage both get what the HTTP API publishes.
    const during = await listener('private-outage')
    expect((await sdk.trigger('private-outage', 'notice', { n: 1 })).status).toBe(200)
    await waitFor(() => before.length === 1 && during.length === 1, 5_000, 'the event on both sockets')
    expect([before, during].map(events => events.map(event => event.n))).toEqual([[1], [1]])

    await postgres.start()
    // No restart: the pool connects anew on the next request.
    expect((await telemetry('after_outage')).status).toBe(201)
    expect(await health()).toEqual({ status: 200, body: expect.objectContaining({ status: 'ok', database: 'ready' }) })
    expect(await Promise.all(['before_outage', 'during_outage', 'after_outage'].map(metric => storedSamples(admin, node.zoneId, metric)))).toEqual([1, 0, 1])
    expect(server.child.exitCode).toBeNull()
    expect(server.output()).not.toMatch(/uncaughtException|unhandledRejection|\[request error\]/)
  }, 60_000)

  it('answers requests in flight when PostgreSQL stops with 201 or 503 only; a retry with the same key stores each batch exactly once', async () => {
    // Three devices keep sending until PostgreSQL is gone, so some requests are mid-transaction when it stops.
    const load = new DeviceLoad(server.url, token, node.uid, { prefix: 'inflight' })
    await load.answered(201, 3)
    await postgres.stop()
    await load.answered(503, 3)
    const outcomes = await load.stop()
    // Never a 500 or a dropped connection: a device is told to come back later.
    expect(new Set(outcomes.map(outcome => outcome.status))).toEqual(new Set([201, 503]))

    await postgres.start()
    for (const outcome of outcomes.filter(candidate => candidate.status !== 201)) expect(await load.retry(outcome), outcome.key).toBe(201)
    const counts = await Promise.all(outcomes.map(outcome => storedSamples(admin, node.zoneId, outcome.metric)))
    expect(counts).toEqual(outcomes.map(() => 200))
    expect(server.output()).not.toMatch(/uncaughtException|unhandledRejection|\[request error\]/)
  }, 90_000)
})
