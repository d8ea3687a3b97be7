// Lookout as a client of a real Mosquitto (MQTT_URL): devices publish to the broker, Lookout stores what they
// send like the HTTP ingest does, hands commands to nodes through the broker (also to a node that was offline),
// and gets what was published while it was down once it is back, stored once.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMosquitto } from '../support/mosquitto-process'
import type { MosquittoProcess } from '../support/mosquitto-process'
import { connectCollecting, connectDevice, eventually, mqttMessageCount } from '../support/mqtt-device'
import type { TenantWorld } from '../support/mqtt-world'
import { commandStatus, sendNodeCommand, storedPoints, tenantWorld } from '../support/mqtt-world'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let mosquitto: MosquittoProcess
let server: ServerProcess
let world: TenantWorld
let dataDir: string
const clients: MqttClient[] = []

async function device(options: Parameters<typeof connectDevice>[1] = {}): Promise<MqttClient> {
  const client = await connectDevice(mosquitto.url, options)
  clients.push(client)
  return client
}

async function startLookout(): Promise<ServerProcess> {
  const started = await startServer({ DATA_DIR: dataDir, MQTT_URL: mosquitto.url, MQTT_CLIENT_ID: 'lookout-test', MQTT_COMMAND_POLL_MS: '200' })
  await eventually(() => started.output(), output => output.includes('client of the MQTT broker'))
  return started
}

const storedCount = (metric: string, count: number) => eventually(() => storedPoints(world, metric), points => points.length >= count)

beforeAll(async () => {
  mosquitto = await startMosquitto()
  dataDir = mkdtempSync(join(tmpdir(), 'lookout-mqtt-external-'))
  server = await startLookout()
  world = await tenantWorld(server, 'greenfield')
}, 120_000)

afterAll(async () => {
  await Promise.all(clients.map(client => client.endAsync(true).catch(() => {})))
  await server?.stop()
  await mosquitto?.dispose()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('device messages through Mosquitto', () => {
  it('stores each telemetry form', async () => {
    const client = await device()
    const topic = `lookout/nodes/${world.node.uid}/telemetry`
    const ts = Date.now() - 300_000
    await client.publishAsync(topic, JSON.stringify({ samples: [{ metric: 'ext_body', value: 5.5 }] }), { qos: 1 })
    await client.publishAsync(topic, '{"ext_flat": 1.25}', { qos: 1 })
    await client.publishAsync(topic, JSON.stringify({ ts, values: { ext_ts: 19 } }), { qos: 0 })
    expect((await storedCount('ext_body', 1)).map(point => point.value)).toEqual([5.5])
    expect((await storedCount('ext_flat', 1)).map(point => point.value)).toEqual([1.25])
    expect(await storedCount('ext_ts', 1)).toEqual([expect.objectContaining({ value: 19, at: new Date(ts).toISOString() })])
  })

  it('stores gateway readings and heartbeats, and vehicle positions', async () => {
    const client = await device()
    const points = await (await world.admin.fetch(`/api/gateways/${world.gateway.id}/data-points`)).json() as { data: Array<{ id: number, register: number }> }
    const point = points.data[0]!
    await client.publishAsync(`lookout/gateways/${world.gateway.serial}/heartbeat`, '', { qos: 1 })
    await client.publishAsync(`lookout/gateways/${world.gateway.serial}/readings`, JSON.stringify({ readings: [{ register: point.register, value: 77.25 }] }), { qos: 1 })
    await client.publishAsync(`lookout/vehicles/${world.vehicle.id}/positions`, JSON.stringify({ positions: [{ lat: 50.1234, lon: 5.4321 }] }), { qos: 1 })
    await eventually(async () => JSON.stringify(await (await world.admin.fetch(`/api/gateways/${world.gateway.id}/readings?dataPointId=${point.id}`)).json()), text => text.includes('77.25'))
    await eventually(async () => JSON.stringify(await (await world.admin.fetch(`/api/vehicles/${world.vehicle.id}`)).json()), text => text.includes('50.1234'))
  })

  it('drops malformed JSON and unknown nodes, counted, and goes on storing', async () => {
    const client = await device()
    const before = await mqttMessageCount(server.url, 'telemetry', 'invalid')
    const refusedBefore = await mqttMessageCount(server.url, 'telemetry', 'refused')
    await client.publishAsync(`lookout/nodes/${world.node.uid}/telemetry`, '{"ph":', { qos: 1 })
    await client.publishAsync('lookout/nodes/nobody-has-this-node/telemetry', '{"ph": 6}', { qos: 1 })
    await client.publishAsync(`lookout/nodes/${world.node.uid}/telemetry`, '{"ext_after_bad": 2}', { qos: 1 })
    await storedCount('ext_after_bad', 1)
    expect(await mqttMessageCount(server.url, 'telemetry', 'invalid')).toBe(before + 1)
    expect(await mqttMessageCount(server.url, 'telemetry', 'refused')).toBe(refusedBefore + 1)
    expect(server.output()).toContain(`on lookout/nodes/${world.node.uid}/telemetry: payload: not valid JSON`)
  })
})

describe('commands through Mosquitto', () => {
  it('delivers a command sent while the node was offline when it reconnects, and takes its status answers', async () => {
    const topic = `lookout/nodes/${world.node.uid}/commands`
    const node = await device({ clientId: 'ext-node', clean: false })
    await node.subscribeAsync(topic, { qos: 1 })
    // A node is handed commands over MQTT once it spoke MQTT (others may fetch theirs over HTTP).
    await node.publishAsync(`lookout/nodes/${world.node.uid}/telemetry`, '{"ext_hello": 1}', { qos: 1 })
    await storedCount('ext_hello', 1)
    await node.endAsync()
    const commandId = await sendNodeCommand(world, 'vent', { open: 40 })
    await eventually(() => commandStatus(world, commandId), status => status === 'sent')
    const { client: back, received } = await connectCollecting(mosquitto.url, { clientId: 'ext-node', clean: false }, topic)
    clients.push(back)
    await eventually(() => received.length, count => count > 0)
    expect(JSON.parse(received[0]!.payload)).toEqual({ id: commandId, kind: 'vent', params: { open: 40 } })
    await back.publishAsync(`${topic}/${commandId}/status`, '{"status": "acknowledged"}', { qos: 1 })
    await back.publishAsync(`${topic}/${commandId}/status`, '{"status": "failed", "detail": "vent stuck"}', { qos: 1 })
    await eventually(() => commandStatus(world, commandId), status => status === 'failed')
  })
})

describe('Lookout down', () => {
  it('stores the QoS 1 messages published while it was down once it is back, each once', async () => {
    await server.stop()
    const client = await device()
    for (const value of [1, 2, 3]) await client.publishAsync(`lookout/nodes/${world.node.uid}/telemetry`, `{"ext_while_down": ${value}}`, { qos: 1 })
    server = await startLookout()
    world = await tenantWorld(server, 'greenfield')
    const points = await storedCount('ext_while_down', 3)
    expect(points.map(point => point.value).sort()).toEqual([1, 2, 3])
    await new Promise(resolve => setTimeout(resolve, 1000))
    expect(await storedPoints(world, 'ext_while_down')).toHaveLength(3)
  }, 120_000)
})
