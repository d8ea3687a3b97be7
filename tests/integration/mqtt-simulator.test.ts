// The simulator over MQTT: with the embedded broker on (the demo's default: no MQTT_PORT set), simulated nodes
// publish their telemetry to it and take their zone's commands from their command topics, finishing them as nodes do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eventually, mqttMessageCount } from '../support/mqtt-device'
import type { TenantWorld } from '../support/mqtt-world'
import { commandStatus, tenantWorld } from '../support/mqtt-world'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let world: TenantWorld

beforeAll(async () => {
  server = await startServer({ SIMULATOR: 'on', SIMULATOR_INTERVAL_MS: '300', MQTT_COMMAND_POLL_MS: '200' })
  await eventually(() => server.output(), output => output.includes('simulator: nodes send telemetry and take commands over MQTT'), 60_000)
  // The demo's broker listens on a free loopback port, printed at start-up.
  expect(server.output()).toMatch(/mqtt: embedded MQTT 3\.1\.1 broker on port \d+/)
  world = await tenantWorld(server, 'greenfield')
}, 120_000)

afterAll(() => server?.stop())

describe('simulator over MQTT', () => {
  it('stores the simulated nodes\' telemetry that came over MQTT', async () => {
    await eventually(() => mqttMessageCount(server.url, 'telemetry', 'stored'), count => count >= 5)
  })

  it('hands a zone\'s command to its simulated node over MQTT, which finishes it', async () => {
    const response = await world.admin.fetch(`/api/zones/${world.node.zoneId}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'flush', params: {} }) })
    expect(response.status).toBe(201)
    const commandId = (await response.json() as { data: { id: number } }).data.id
    const status = await eventually(() => commandStatus(world, commandId), value => value === 'succeeded' || value === 'failed', 30_000)
    expect(['succeeded', 'failed']).toContain(status)
    expect(await mqttMessageCount(server.url, 'command-status', 'stored')).toBeGreaterThanOrEqual(2)
  }, 60_000)
})
