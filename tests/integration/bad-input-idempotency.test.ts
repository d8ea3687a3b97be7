// Idempotency-Key abuse on device ingest, on the embedded database and on PostgreSQL: a key reused with another
// body is refused (422) and changes nothing, racing duplicates are stored once, a refused request does not burn its key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { freshPostgres } from '../support/postgres-database'
import type { ServerProcess } from '../support/server-process'
import { startServer } from '../support/server-process'

const DATABASES: Array<[string, () => Promise<Record<string, string>>]> = [
  ['the embedded database', async () => ({})],
  ['PostgreSQL', async () => ({ DATABASE_URL: await freshPostgres() })],
]

describe.each(DATABASES)('Idempotency-Key on %s', (_name, environment) => {
  let server: ServerProcess
  let admin: Session
  let token: string
  let nodeUid: string
  let zoneId: number

  const sample = (metric: string, value: number, device = nodeUid) => ({ device, samples: [{ metric, value }] })
  const withKey = (key: string) => ({ 'idempotency-key': key })

  /** Values of a metric stored for the zone. */
  async function stored(metric: string): Promise<number[]> {
    const history = await (await admin.fetch(`/api/zones/${zoneId}/telemetry?metric=${metric}`)).json() as { data: { points: Array<{ value: number }> } }
    return history.data.points.map(point => point.value)
  }

  async function messageOf(response: Response): Promise<string> {
    return (await response.json() as { message: string }).message
  }

  beforeAll(async () => {
    server = await startServer(await environment())
    admin = await login(server, demoEmail('admin', 'greenfield'))
    token = await createToken(admin, ['ingest'])
    const node = await firstZonedNode(admin)
    nodeUid = node.uid
    zoneId = node.zoneId
  }, 60_000)
  afterAll(() => server.stop())

  it('refuses a key reused with another body with 422, keeps the first body\'s data, and still replays the first answer', async () => {
    const first = await ingest(server.url, token, '/api/ingest/telemetry', sample('reused', 1), withKey('reused-key'))
    expect(first.status).toBe(201)
    const firstAnswer = await first.json()
    const other = await ingest(server.url, token, '/api/ingest/telemetry', sample('reused', 2), withKey('reused-key'))
    expect(other.status).toBe(422)
    expect(await messageOf(other)).toBe('Idempotency-Key: was already used with a different body')
    const otherMetric = await ingest(server.url, token, '/api/ingest/telemetry', sample('reused-elsewhere', 1), withKey('reused-key'))
    expect(otherMetric.status).toBe(422)
    const replay = await ingest(server.url, token, '/api/ingest/telemetry', sample('reused', 1), withKey('reused-key'))
    expect(replay.status).toBe(201)
    expect(replay.headers.get('idempotency-replayed')).toBe('true')
    expect(await replay.json()).toEqual(firstAnswer)
    expect(await stored('reused')).toEqual([1])
    expect(await stored('reused-elsewhere')).toEqual([])
  })

  it('refuses a key reused on another route with 422', async () => {
    expect((await ingest(server.url, token, '/api/ingest/telemetry', sample('route', 1), withKey('route-key'))).status).toBe(201)
    const gateways = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/gateways`)).json() as { data: Array<{ id: number, serial: string }> }
    const contact = async () => ((await (await admin.fetch(`/api/gateways/${gateways.data[0]!.id}`)).json()) as { data: { lastContactAt: string | null } }).data.lastContactAt
    const before = await contact()
    const heartbeat = await ingest(server.url, token, '/api/ingest/gateways/heartbeat', { gateway: gateways.data[0]!.serial }, withKey('route-key'))
    expect(heartbeat.status).toBe(422)
    expect(await messageOf(heartbeat)).toMatch(/^Idempotency-Key: /)
    expect(await contact()).toBe(before)
  })

  it('stores exactly one of 8 racing requests with one key and different bodies, and refuses the other 7', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, value) => ingest(server.url, token, '/api/ingest/telemetry', sample('race', value), withKey('race-key'))))
    const accepted = answers.flatMap((answer, value) => answer.status === 201 ? [value] : [])
    expect(accepted).toHaveLength(1)
    expect(answers.filter(answer => answer.status === 422)).toHaveLength(7)
    expect(await stored('race')).toEqual(accepted)
  })

  it('stores once when 8 identical requests race, and gives each the same answer', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => ingest(server.url, token, '/api/ingest/telemetry', sample('twins', 5), withKey('twins-key'))))
    expect(answers.map(answer => answer.status)).toEqual(Array.from({ length: 8 }, () => 201))
    expect(answers.filter(answer => answer.headers.get('idempotency-replayed') !== 'true')).toHaveLength(1)
    const bodies = await Promise.all(answers.map(answer => answer.json()))
    for (const body of bodies) expect(body).toEqual(bodies[0])
    expect(await stored('twins')).toEqual([5])
  })

  it('does not burn the key of a refused request: the corrected retry is stored', async () => {
    const refused = await ingest(server.url, token, '/api/ingest/telemetry', sample('retry', 1, 'no-such-node'), withKey('retry-key'))
    expect(refused.status).toBe(422)
    expect(await messageOf(refused)).toMatch(/^device: /)
    const corrected = await ingest(server.url, token, '/api/ingest/telemetry', sample('retry', 1), withKey('retry-key'))
    expect(corrected.status).toBe(201)
    expect(corrected.headers.get('idempotency-replayed')).toBeNull()
    expect(await stored('retry')).toEqual([1])
  })

  it('refuses a key over 200 characters with 400 naming Idempotency-Key, and stores nothing', async () => {
    const answer = await ingest(server.url, token, '/api/ingest/telemetry', sample('long-key', 1), withKey('k'.repeat(201)))
    expect(answer.status).toBe(400)
    expect(await messageOf(answer)).toBe('Idempotency-Key: at most 200 characters')
    expect(await stored('long-key')).toEqual([])
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  })
})
