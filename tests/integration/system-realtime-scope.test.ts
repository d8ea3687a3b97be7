// GET /api/system/realtime shows a tenant's users their tenant's figures only; admins keep the server-wide view
// (built server, pusher-js sockets authorised through /broadcasting/auth).
import type PusherJs from 'pusher-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionClient, waitFor } from '../support/clients'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

interface SystemNumbers {
  scope: 'server' | 'tenant'
  server: { connections: number, channels: number, messagesIn: number | null, eventsPublished: number | null }
  browsers: { reports: number, reconnects: number }
}

let server: ServerProcess
const clients: PusherJs[] = []

beforeAll(async () => {
  server = await startServer()
}, 120_000)
afterAll(async () => {
  for (const client of clients) client.disconnect()
  await server.stop()
})

/** A pusher-js socket of the session, subscribed to `channel`. */
async function socketOn(session: Session, channel: string): Promise<void> {
  const client = sessionClient(server, session)
  clients.push(client)
  let joined = false
  client.subscribe(channel).bind('pusher:subscription_succeeded', () => { joined = true })
  await waitFor(() => joined, 10_000, `subscription to ${channel}`)
}

async function numbers(session: Session): Promise<SystemNumbers> {
  return await (await session.fetch('/api/system/realtime')).json() as SystemNumbers
}

describe('/api/system/realtime', () => {
  it('gives a viewer their tenant\'s sockets, channels and browsers only, and an admin the whole server', async () => {
    const greenfield = await login(server, demoEmail('viewer', 'greenfield'))
    const northwind = await login(server, demoEmail('operator', 'northwind'))
    await socketOn(greenfield, 'private-tenant.1.alerts')
    for (const stream of ['alerts', 'events', 'fleet']) await socketOn(northwind, `private-tenant.2.${stream}`)
    const report = { latenciesMs: [20], reconnects: 3, errors: 0, fallbackMs: 0, recoveries: { replayed: 0, gap: 0, failed: 0 } }
    expect((await northwind.fetch('/api/connection-metrics', { method: 'POST', body: JSON.stringify(report) })).status).toBe(202)

    const tenantView = await numbers(greenfield)
    expect(tenantView.scope).toBe('tenant')
    expect(tenantView.server).toMatchObject({ connections: 1, channels: 1, messagesIn: null, eventsPublished: null })
    expect(tenantView.browsers).toMatchObject({ reports: 0, reconnects: 0 })

    const otherTenant = await numbers(northwind)
    expect(otherTenant.server).toMatchObject({ connections: 3, channels: 3 })
    expect(otherTenant.browsers).toMatchObject({ reports: 1, reconnects: 3 })

    const serverView = await numbers(await login(server, demoEmail('admin', 'greenfield')))
    expect(serverView.scope).toBe('server')
    expect(serverView.server.connections).toBe(4)
    expect(serverView.server.channels).toBe(4)
    expect(serverView.server.messagesIn).toBeGreaterThan(0)
    expect(serverView.browsers.reports).toBe(1)
  })
})
