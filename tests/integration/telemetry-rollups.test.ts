// Telemetry history through the real API on both databases: samples stamped weeks ago and samples of the last
// minutes, a 30-day chart answered in buckets from the per-minute rollups (and the raw rows of the last week),
// the last hour raw; and /metrics timing the statements behind it by operation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { freshPostgres } from '../support/postgres-database'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

const DAY_MS = 86_400_000

interface Point { deviceId: number, at: string, value: number, min?: number, max?: number, count?: number }
interface History { mode: string, bucketSeconds: number | null, points: Point[] }

describe.each(['embedded', 'postgres'] as const)('telemetry history on the %s database', (kind) => {
  let server: ServerProcess
  let admin: Session
  let node: { id: number, uid: string, zoneId: number }

  beforeAll(async () => {
    server = await startServer({ SIMULATOR: 'off', ...(kind === 'postgres' ? { DATABASE_URL: await freshPostgres() } : {}) })
    admin = await login(server, demoEmail('admin', 'greenfield'))
    const devices = await (await admin.fetch(`/api/tenants/${admin.user.tenantId}/devices`)).json() as { data: Array<{ id: number, uid: string, zoneId: number | null }> }
    const zoned = devices.data.find(device => device.zoneId !== null)!
    node = { id: zoned.id, uid: zoned.uid, zoneId: zoned.zoneId! }
  }, 120_000)
  afterAll(() => server?.stop())

  async function history(from: number, to: number): Promise<History> {
    const response = await admin.fetch(`/api/zones/${node.zoneId}/telemetry?metric=rollup_check&deviceId=${node.id}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`)
    expect(response.status).toBe(200)
    return (await response.json() as { data: History }).data
  }

  it('answers 30 days in buckets with the right avg, min and max from rollups of backfilled samples, and the last hour raw', async () => {
    const token = await createToken(admin, ['ingest'])
    const now = Date.now()
    const hour = Math.floor((now - 20 * DAY_MS) / 3_600_000) * 3_600_000
    const old = [[hour + 5_000, 3], [hour + 20_000, 8], [hour + 50_000, 1], [hour + 70_000, 11]] as const
    const recent = [[now - 10 * 60_000, 20], [now - 5 * 60_000, 22.5]] as const
    const samples = (list: ReadonlyArray<readonly [number, number]>) => list.map(([at, value]) => ({ metric: 'rollup_check', value, at: new Date(at).toISOString() }))
    // The backfill arrives after the recent samples, as a device catching up after an outage sends it.
    expect((await ingest(server.url, token, '/api/ingest/telemetry', { device: node.uid, samples: samples(recent) })).status).toBe(201)
    expect((await ingest(server.url, token, '/api/ingest/telemetry', { device: node.uid, samples: samples(old) })).status).toBe(201)

    const from = now - 30 * DAY_MS
    const month = await history(from, now)
    // Six samples would come back raw from raw rows; from the rollups they come in buckets aligned on from's minute.
    expect(month.mode).toBe('buckets')
    expect(month.bucketSeconds).toBe(7200)
    const origin = Math.floor(from / 60_000) * 60_000
    const expected = new Map<number, number[]>()
    for (const [at, value] of [...old, ...recent]) {
      const bucket = origin + Math.floor((at - origin) / 7_200_000) * 7_200_000
      expected.set(bucket, [...(expected.get(bucket) ?? []), value])
    }
    expect(month.points).toEqual([...expected].map(([bucket, values]) => ({
      deviceId: node.id, at: new Date(bucket).toISOString(),
      value: values.reduce((sum, value) => sum + value, 0) / values.length, min: Math.min(...values), max: Math.max(...values), count: values.length,
    })))

    const lastHour = await history(now - 3_600_000, now)
    expect(lastHour).toMatchObject({ mode: 'raw', bucketSeconds: null })
    expect(lastHour.points).toEqual(recent.map(([at, value]) => ({ deviceId: node.id, at: new Date(at).toISOString(), value })))
  })

  it('shows in /metrics how long database statements take, by operation and never by their text', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text()
    const rows = text.split('\n').filter(row => row.startsWith('lookout_db_query_duration_seconds_count{'))
    const counts = new Map(rows.map(row => [/operation="([^"]*)"/.exec(row)![1]!, Number(row.split(' ').pop())]))
    expect([...counts.keys()].every(operation => ['select', 'insert', 'update', 'delete', 'transaction', 'other'].includes(operation))).toBe(true)
    expect(counts.get('select')).toBeGreaterThan(0)
    expect(counts.get('insert')).toBeGreaterThan(0)
    expect(text).toContain('lookout_db_query_duration_seconds_bucket{le="0.005",operation="select"}')
  })
})
