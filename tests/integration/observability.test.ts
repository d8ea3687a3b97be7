// Health and Prometheus metrics reflect what the engine is doing.
import type Pusher from 'pusher'
import type PusherJs from 'pusher-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connected, pusherClient, serverSdk, waitFor } from '../support/clients'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let sdk: Pusher

beforeAll(async () => {
  server = await startServer({ METRICS_TOKEN: 'scrape-token' })
  sdk = serverSdk(server)
})
afterAll(() => server.stop())

function metric(text: string, name: string): number {
  const line = text.split('\n').find(row => row.startsWith(`${name} `) || row.startsWith(`${name}{`))
  return line ? Number(line.split(' ').pop()) : Number.NaN
}

async function scrape(): Promise<string> {
  const response = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer scrape-token' } })
  expect(response.status).toBe(200)
  return response.text()
}

describe('observability', () => {
  it('reports health with the number of open connections', async () => {
    const client: PusherJs = pusherClient(server, sdk)
    await connected(client)
    const health = await (await fetch(`${server.url}/api/health`)).json()
    expect(health).toMatchObject({ status: 'ok', database: 'ready', realtime: { connections: 1 } })
    client.disconnect()
  })

  it('counts connections, subscriptions, deliveries and errors in /metrics', async () => {
    const clients = [pusherClient(server, sdk), pusherClient(server, sdk)]
    await Promise.all(clients.map(connected))
    const received: unknown[] = []
    for (const client of clients) client.subscribe('metrics-room').bind('tick', (data: unknown) => received.push(data))
    await waitFor(() => clients.every(client => client.channel('metrics-room')?.subscribed), 5_000, 'subscriptions')
    await sdk.trigger('metrics-room', 'tick', { n: 1 })
    await waitFor(() => received.length === 2, 5_000, 'deliveries')
    const text = await scrape()
    expect(metric(text, 'lookout_ws_connections')).toBe(2)
    expect(metric(text, 'lookout_ws_subscriptions')).toBe(2)
    expect(metric(text, 'lookout_events_published_total')).toBe(1)
    expect(metric(text, 'lookout_ws_messages_out_total')).toBeGreaterThanOrEqual(2)
    expect(text).toContain('lookout_fanout_seconds_bucket')
    for (const client of clients) client.disconnect()
  })

  it('refuses a scrape without the metrics token', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401)
  })
})

describe('start-up configuration', () => {
  it('refuses to start in production without the app secret, naming the variable', async () => {
    await expect(startServer({ APP_ENV: 'production', REVERB_APP_SECRET: '', SESSION_SECRET: 's'.repeat(40) })).rejects.toThrow(/REVERB_APP_SECRET/)
  })

  it('starts with a printed development app and a generated secret when nothing is configured', async () => {
    const development = await startServer({ REVERB_APP_ID: '', REVERB_APP_KEY: '', REVERB_APP_SECRET: '' })
    expect(development.output()).toMatch(/key=lookout-key secret generated into \S+\/app-secret/)
    await development.stop()
  }, 120_000)
})

describe('browser connection metrics', () => {
  it('aggregates reports into /metrics and the system page, refusing bad ones with the field named', async () => {
    const { demoEmail, login } = await import('../support/http-session')
    const viewer = await login(server, demoEmail('viewer', 'greenfield'))
    const report = { latenciesMs: [12, 30, 45], reconnects: 2, errors: 1, fallbackMs: 5000, recoveries: { replayed: 1, gap: 1, failed: 0 } }
    expect((await viewer.fetch('/api/connection-metrics', { method: 'POST', body: JSON.stringify(report) })).status).toBe(202)
    const beacon = await fetch(`${server.url}/api/connection-metrics`, { method: 'POST', headers: { 'cookie': viewer.cookie, 'content-type': 'application/json' }, body: JSON.stringify({ ...report, xsrf: viewer.csrf }) })
    expect(beacon.status).toBe(202)
    const bad = await viewer.fetch('/api/connection-metrics', { method: 'POST', body: JSON.stringify({ ...report, reconnects: -1 }) })
    expect(bad.status).toBe(422)
    expect((await bad.json() as { message: string }).message).toMatch(/^reconnects/)
    const text = await scrape()
    expect(metric(text, 'lookout_browser_reconnects_total')).toBe(4)
    expect(text).toContain('lookout_browser_delivery_latency_seconds_bucket')
    const system = await (await viewer.fetch('/api/system/realtime')).json() as { browsers: { reports: number, latencyMs: { p50: number } } }
    expect(system.browsers.reports).toBe(2)
    expect(system.browsers.latencyMs.p50).toBe(30)
  })

  it('counts ingest batches per source, kind and outcome, with their latency and the Node runtime\'s series once each', async () => {
    const admin = await login(server, demoEmail('admin', 'greenfield'))
    const token = await createToken(admin, ['ingest'])
    const node = await firstZonedNode(admin)
    expect((await ingest(server.url, token, '/api/ingest/telemetry', { device: node.uid, samples: [{ metric: 'ph', value: 6.1 }] })).status).toBe(201)
    expect((await ingest(server.url, token, '/api/ingest/telemetry', { device: node.uid, samples: [{ metric: 'ph', value: 'high' }] })).status).toBe(422)
    const text = await scrape()
    expect(metric(text, 'lookout_ingest_batches_total{source="http",kind="telemetry",outcome="stored"}')).toBe(1)
    expect(metric(text, 'lookout_ingest_batches_total{source="http",kind="telemetry",outcome="refused"}')).toBe(1)
    expect(metric(text, 'lookout_ingest_duration_seconds_count{source="http",kind="telemetry"}')).toBe(2)
    for (const series of ['process_cpu_user_seconds_total', 'process_resident_memory_bytes', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes']) {
      expect(text.split('\n').filter(row => row.startsWith(`${series} `))).toHaveLength(1)
    }
  })
})
