// A simulated minute: the built-in simulator's traffic reaches each tenant on the catalogue's channels only.
import type PusherJs from 'pusher-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionClient, waitFor } from '../support/clients'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

/** The catalogue in docs/architecture.md: which events each channel family carries. */
const CATALOGUE: Array<[RegExp, string[]]> = [
  [/^private-tenant\.\d+\.alerts$/, ['alert.created', 'alert.updated']],
  [/^private-tenant\.\d+\.events$/, ['event.created', 'settings.changed']],
  [/^private-tenant\.\d+\.commands$/, ['command.status', 'command.failed']],
  [/^private-tenant\.\d+\.devices$/, ['device.updated']],
  [/^private-tenant\.\d+\.gateways$/, ['gateway.status-changed']],
  [/^private-tenant\.\d+\.fleet$/, ['position.batch', 'geo.event']],
  [/^private-zone\.\d+$/, ['zone.updated', 'device.updated', 'telemetry.batch.updated']],
  [/^private-zone\.\d+\.commands$/, ['command.status', 'command.failed']],
  [/^private-gateway\.\d+$/, ['reading.new', 'gateway.status-changed']],
  [/^private-vehicle\.\d+$/, ['position', 'geo.event', 'command.status']],
  [/^private-user\.\d+$/, ['notification']],
]

const TICK_MS = 250
const TICKS = 60

interface Received {
  channel: string
  event: string
  data: Record<string, unknown>
}

interface Watcher {
  session: Session
  client: PusherJs
  received: Received[]
  zones: number[]
  gateways: number[]
  vehicles: number[]
}

let server: ServerProcess
const watchers: Watcher[] = []

async function ids(session: Session, resource: string): Promise<number[]> {
  return ((await (await session.fetch(`/api/tenants/${session.user.tenantId}/${resource}`)).json()) as { data: Array<{ id: number }> }).data.map(row => row.id)
}

async function watch(session: Session): Promise<Watcher> {
  const [zones, gateways, vehicles] = [await ids(session, 'zones'), await ids(session, 'gateways'), await ids(session, 'vehicles')]
  const t = session.user.tenantId
  const names = [
    ...['alerts', 'events', 'commands', 'devices', 'gateways', 'fleet'].map(stream => `private-tenant.${t}.${stream}`),
    ...zones.flatMap(zone => [`private-zone.${zone}`, `private-zone.${zone}.commands`]),
    ...gateways.map(gateway => `private-gateway.${gateway}`),
    ...vehicles.map(vehicle => `private-vehicle.${vehicle}`),
    `private-user.${session.user.id}`,
  ]
  const client = sessionClient(server, session)
  const watcher: Watcher = { session, client, received: [], zones, gateways, vehicles }
  let joined = 0
  for (const name of names) {
    const channel = client.subscribe(name)
    channel.bind('pusher:subscription_succeeded', () => { joined += 1 })
    channel.bind_global((event: string, data: Record<string, unknown>) => {
      if (!event.startsWith('pusher')) watcher.received.push({ channel: name, event, data })
    })
  }
  await waitFor(() => joined === names.length, 10_000, `${names.length} subscriptions`)
  return watcher
}

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: String(TICK_MS), SIMULATOR_SEED: '7', TELEMETRY_BATCH_MS: '100', POSITION_BATCH_MS: '100' })
  for (const tenant of ['greenfield', 'northwind'] as const) watchers.push(await watch(await login(server, demoEmail('admin', tenant))))
  await new Promise(done => setTimeout(done, TICK_MS * TICKS))
}, 60_000)
afterAll(async () => {
  for (const watcher of watchers) watcher.client.disconnect()
  await server.stop()
})

describe('a simulated minute', () => {
  it('sends every event on a channel whose family carries it, and nowhere else', () => {
    for (const watcher of watchers) {
      const misplaced = watcher.received.filter(({ channel, event }) => !CATALOGUE.some(([family, events]) => family.test(channel) && events.includes(event)))
      expect(misplaced.map(({ channel, event }) => `${event} on ${channel}`)).toEqual([])
    }
  })

  it('keeps every tenant\'s zones, gateways and vehicles alive with live data', () => {
    for (const watcher of watchers) {
      const on = (channel: string, event: string) => watcher.received.filter(item => item.channel === channel && item.event === event)
      for (const zone of watcher.zones) expect(on(`private-zone.${zone}`, 'telemetry.batch.updated').length, `zone ${zone}`).toBeGreaterThan(5)
      for (const vehicle of watcher.vehicles) expect(on(`private-vehicle.${vehicle}`, 'position').length, `vehicle ${vehicle}`).toBeGreaterThan(5)
      expect(on(`private-tenant.${watcher.session.user.tenantId}.fleet`, 'position.batch').length).toBeGreaterThan(5)
      expect(watcher.gateways.some(gateway => on(`private-gateway.${gateway}`, 'reading.new').length > 5)).toBe(true)
    }
  })

  it('carries only the tenant\'s own entities in the payloads', () => {
    for (const watcher of watchers) {
      for (const { event, data } of watcher.received) {
        if (event === 'telemetry.batch.updated') expect(watcher.zones).toContain(data.zoneId)
        if (event === 'position.batch') for (const position of data.positions as Array<{ vehicleId: number }>) expect(watcher.vehicles).toContain(position.vehicleId)
        if (event === 'reading.new') expect(watcher.gateways).toContain(data.gatewayId)
      }
    }
  })

  it('batches fleet positions: at most one position per vehicle in a batch', () => {
    for (const watcher of watchers) {
      for (const { data } of watcher.received.filter(item => item.event === 'position.batch')) {
        const vehicles = (data.positions as Array<{ vehicleId: number }>).map(position => position.vehicleId)
        expect(new Set(vehicles).size).toBe(vehicles.length)
      }
    }
  })
})
