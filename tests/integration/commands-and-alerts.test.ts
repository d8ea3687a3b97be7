// Commands and alerts end to end: an operator acts over REST, a device reports with its token, and
// every change reaches subscribers of the zone and the tenant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionClient, waitFor } from '../support/clients'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { createToken, ingest } from '../support/ingest-token'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let operator: Session
let viewer: Session
let deviceToken: string
let zoneId: number
let nodeUid: string

beforeAll(async () => {
  server = await startServer({ COMMAND_TIMEOUT_SECONDS: '2', DOMAIN_SWEEP_MS: '300' })
  operator = await login(server, demoEmail('operator', 'greenfield'))
  viewer = await login(server, demoEmail('viewer', 'greenfield'))
  deviceToken = await createToken(await login(server, demoEmail('admin', 'greenfield')), ['ingest'])
  const node = await firstZonedNode(operator)
  zoneId = node.zoneId
  nodeUid = node.uid
}, 60_000)
afterAll(() => server.stop())

async function listen(session: Session, channel: string): Promise<{ events: Array<{ event: string, data: { id?: number, status?: string } }>, close: () => void }> {
  const client = sessionClient(server, session)
  const events: Array<{ event: string, data: { id?: number, status?: string } }> = []
  let ready = false
  const subscription = client.subscribe(channel)
  subscription.bind('pusher:subscription_succeeded', () => { ready = true })
  subscription.bind_global((event: string, data: { id?: number, status?: string }) => { if (!event.startsWith('pusher')) events.push({ event, data }) })
  await waitFor(() => ready, 5_000, `subscription to ${channel}`)
  return { events, close: () => client.disconnect() }
}

describe('commands', () => {
  it('go queued -> sent -> acknowledged -> succeeded, each step broadcast on the zone\'s command channel', async () => {
    const watcher = await listen(viewer, `private-zone.${zoneId}.commands`)
    const sent = await operator.fetch(`/api/zones/${zoneId}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'irrigate', params: { seconds: 30 } }) })
    expect(sent.status).toBeLessThan(300)
    const command = (await sent.json() as { data: { id: number } }).data
    const pending = await fetch(`${server.url}/api/ingest/commands?device=${nodeUid}`, { headers: { authorization: `Bearer ${deviceToken}` } })
    expect(((await pending.json()) as { data: Array<{ id: number }> }).data.map(item => item.id)).toContain(command.id)
    expect((await ingest(server.url, deviceToken, `/api/ingest/commands/${command.id}/status`, { status: 'acknowledged' })).status).toBe(201)
    expect((await ingest(server.url, deviceToken, `/api/ingest/commands/${command.id}/status`, { status: 'succeeded' })).status).toBe(201)
    await waitFor(() => watcher.events.filter(item => item.data.id === command.id).length >= 4, 5_000, 'four status broadcasts')
    expect(watcher.events.filter(item => item.data.id === command.id).map(item => item.data.status)).toEqual(['queued', 'sent', 'acknowledged', 'succeeded'])
    watcher.close()
  })

  it('time out when the device never answers, with command.failed', async () => {
    const watcher = await listen(operator, `private-tenant.${operator.user.tenantId}.commands`)
    const sent = await operator.fetch(`/api/zones/${zoneId}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'vent', params: {} }) })
    const command = (await sent.json() as { data: { id: number } }).data
    await waitFor(() => watcher.events.some(item => item.event === 'command.failed' && item.data.id === command.id), 8_000, 'the timeout')
    expect(watcher.events.find(item => item.event === 'command.failed' && item.data.id === command.id)!.data.status).toBe('timed_out')
    watcher.close()
  })

  it('are refused to a viewer', async () => {
    const refused = await viewer.fetch(`/api/zones/${zoneId}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'irrigate', params: {} }) })
    expect(refused.status).toBe(403)
  })
})

describe('alerts', () => {
  it('are raised by a threshold breach, and acknowledging one updates other operators live', async () => {
    const watcher = await listen(viewer, `private-tenant.${viewer.user.tenantId}.alerts`)
    expect((await ingest(server.url, deviceToken, '/api/ingest/telemetry', { device: nodeUid, samples: [{ metric: 'ph', value: 9.5, at: new Date(Date.now() - 40_000).toISOString() }, { metric: 'ph', value: 9.5 }] })).status).toBe(201)
    await waitFor(() => watcher.events.some(item => item.event === 'alert.created'), 5_000, 'alert.created')
    const alert = watcher.events.find(item => item.event === 'alert.created')!.data
    expect((await operator.fetch(`/api/alerts/${alert.id}/acknowledge`, { method: 'POST' })).status).toBe(200)
    await waitFor(() => watcher.events.some(item => item.event === 'alert.updated' && item.data.status === 'acknowledged'), 5_000, 'alert.updated')
    expect((await viewer.fetch(`/api/alerts/${alert.id}/resolve`, { method: 'POST' })).status).toBe(403)
    watcher.close()
  })
})
