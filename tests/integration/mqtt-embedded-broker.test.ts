// The embedded MQTT broker (MQTT_PORT) with real `mqtt` clients: every topic and payload form stored like the
// HTTP ingest stores it, ingest tokens as credentials, topic access per tenant, commands to nodes that were
// offline, QoS 1 redeliveries stored once, bad messages dropped without ending the session, floods limited.
import type { MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../support/free-port'
import { createToken } from '../support/ingest-token'
import { collectMessages, connackCode, connectCollecting, connectDevice, eventually, mqttMessageCount, subscriptionGrants } from '../support/mqtt-device'
import type { TenantWorld } from '../support/mqtt-world'
import { commandStatus, sendNodeCommand, storedPoints, tenantWorld } from '../support/mqtt-world'
import { connectRaw } from '../support/raw-mqtt'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

const RATE_LIMIT = 300
const MAX_PACKET = 4096

let server: ServerProcess
let broker: string
let port: number
let greenfield: TenantWorld
let northwind: TenantWorld
let token: string
let northwindToken: string
const clients: MqttClient[] = []

async function device(options: Parameters<typeof connectDevice>[1] = {}): Promise<MqttClient> {
  const client = await connectDevice(broker, { username: token, ...options })
  clients.push(client)
  return client
}

beforeAll(async () => {
  port = await freePort()
  broker = `mqtt://127.0.0.1:${port}`
  server = await startServer({ MQTT_PORT: String(port), MQTT_MESSAGES_PER_MINUTE: String(RATE_LIMIT), MQTT_MAX_PACKET_BYTES: String(MAX_PACKET), MQTT_COMMAND_POLL_MS: '200' })
  await eventually(() => server.output(), output => output.includes('embedded MQTT 3.1.1 broker'))
  greenfield = await tenantWorld(server, 'greenfield')
  northwind = await tenantWorld(server, 'northwind')
  token = await createToken(greenfield.admin, ['ingest'], 'mqtt device')
  northwindToken = await createToken(northwind.admin, ['ingest'], 'mqtt device')
}, 120_000)

afterAll(async () => {
  await Promise.all(clients.map(client => client.endAsync(true).catch(() => {})))
  await server?.stop()
})

describe('credentials', () => {
  it('answers CONNACK 5 to a username that is no token, to a token without ingest, and to a wrong secret', async () => {
    const readOnly = await createToken(greenfield.admin, ['read'])
    expect(await connackCode(broker, { username: 'someone', password: 'secret' })).toBe(5)
    expect(await connackCode(broker, { username: readOnly })).toBe(5)
    expect(await connackCode(broker, { username: `${token.slice(0, -4)}AAAA` })).toBe(5)
    expect(await connackCode(broker, { username: token })).toBe(0)
  })

  it('takes the token as the password when the username is the device\'s own name', async () => {
    expect(await connackCode(broker, { username: 'greenhouse-7', password: token })).toBe(0)
  })
})

describe('telemetry forms', () => {
  it('stores the HTTP ingest body', async () => {
    const client = await device()
    await client.publishAsync(`lookout/nodes/${greenfield.node.uid}/telemetry`, JSON.stringify({ samples: [{ metric: 'mqtt_body', value: 6.1 }] }), { qos: 1 })
    expect((await storedPoints(greenfield, 'mqtt_body')).map(point => point.value)).toEqual([6.1])
  })

  it('stores the flat ThingsBoard form, one sample per key', async () => {
    const client = await device()
    await client.publishAsync(`lookout/nodes/${greenfield.node.uid}/telemetry`, '{"mqtt_flat_a": 6.2, "mqtt_flat_b": 1.9}', { qos: 1 })
    expect((await storedPoints(greenfield, 'mqtt_flat_a')).map(point => point.value)).toEqual([6.2])
    expect((await storedPoints(greenfield, 'mqtt_flat_b')).map(point => point.value)).toEqual([1.9])
  })

  it('stores the timestamped ThingsBoard form at its own time', async () => {
    const client = await device()
    const ts = Date.now() - 600_000
    await client.publishAsync(`lookout/nodes/${greenfield.node.uid}/telemetry`, JSON.stringify({ ts, values: { mqtt_ts: 21.5 } }), { qos: 1 })
    expect(await storedPoints(greenfield, 'mqtt_ts')).toEqual([expect.objectContaining({ value: 21.5, at: new Date(ts).toISOString() })])
  })
})

describe('gateways and vehicles', () => {
  it('stores readings, marks a heartbeat and stores a position', async () => {
    const client = await device()
    const points = await (await greenfield.admin.fetch(`/api/gateways/${greenfield.gateway.id}/data-points`)).json() as { data: Array<{ id: number, register: number }> }
    const point = points.data[0]!
    await client.publishAsync(`lookout/gateways/${greenfield.gateway.serial}/heartbeat`, '', { qos: 1 })
    await client.publishAsync(`lookout/gateways/${greenfield.gateway.serial}/readings`, JSON.stringify({ readings: [{ register: point.register, value: 42.5 }] }), { qos: 1 })
    const readings = await (await greenfield.admin.fetch(`/api/gateways/${greenfield.gateway.id}/readings?dataPointId=${point.id}`)).json() as { data: unknown }
    expect(JSON.stringify(readings)).toContain('42.5')
    await client.publishAsync(`lookout/vehicles/${greenfield.vehicle.id}/positions`, JSON.stringify({ lat: 51.5123, lon: 4.4321, speed: 12 }), { qos: 1 })
    const vehicle = await (await greenfield.admin.fetch(`/api/vehicles/${greenfield.vehicle.id}`)).json() as { data: unknown }
    expect(JSON.stringify(vehicle)).toContain('51.5123')
  })
})

describe('tenants', () => {
  it('stores nothing another tenant\'s token publishes for a node, and refuses its subscriptions (0 leaks)', async () => {
    const intruder = await connectDevice(broker, { username: northwindToken, clientId: 'intruder', clean: false })
    clients.push(intruder)
    const before = await mqttMessageCount(server.url, 'telemetry', 'refused')
    await intruder.publishAsync(`lookout/nodes/${greenfield.node.uid}/telemetry`, '{"mqtt_intruder": 1}', { qos: 1 })
    expect(await mqttMessageCount(server.url, 'telemetry', 'refused')).toBe(before + 1)
    expect(await storedPoints(greenfield, 'mqtt_intruder')).toEqual([])
    expect(await subscriptionGrants(intruder, [`lookout/nodes/${greenfield.node.uid}/commands`, 'lookout/nodes/+/commands', '#'])).toEqual([128, 128, 128])
    const seen: string[] = []
    intruder.on('message', topic => seen.push(topic))
    const owner = await device({ clientId: 'owner-node', clean: false })
    const received = collectMessages(owner, `lookout/nodes/${greenfield.node.uid}/commands`)
    await owner.subscribeAsync(`lookout/nodes/${greenfield.node.uid}/commands`, { qos: 1 })
    const commandId = await sendNodeCommand(greenfield, 'mqtt-leak-check', {})
    await eventually(() => received.length, count => count > 0)
    expect(JSON.parse(received[0]!.payload)).toEqual({ id: commandId, kind: 'mqtt-leak-check', params: {} })
    expect(seen).toEqual([])
    expect(server.output()).toContain('refused a subscription')
    await owner.endAsync()
  })
})

describe('commands', () => {
  it('delivers a command sent while the node was offline when it comes back, and takes its status answers', async () => {
    const topic = `lookout/nodes/${greenfield.node.uid}/commands`
    const first = await device({ clientId: 'node-offline', clean: false })
    await first.subscribeAsync(topic, { qos: 1 })
    await first.endAsync()
    const commandId = await sendNodeCommand(greenfield, 'irrigate', { seconds: 30 })
    await eventually(() => commandStatus(greenfield, commandId), status => status === 'sent')
    const { client: back, received } = await connectCollecting(broker, { username: token, clientId: 'node-offline', clean: false }, topic)
    clients.push(back)
    await eventually(() => received.map(message => JSON.parse(message.payload) as { id: number }), messages => messages.some(message => message.id === commandId))
    expect(received.map(message => JSON.parse(message.payload))).toContainEqual({ id: commandId, kind: 'irrigate', params: { seconds: 30 } })
    await back.publishAsync(`${topic}/${commandId}/status`, '{"status": "acknowledged"}', { qos: 1 })
    await back.publishAsync(`${topic}/${commandId}/status`, '{"status": "succeeded"}', { qos: 1 })
    expect(await commandStatus(greenfield, commandId)).toBe('succeeded')
  })
})

describe('QoS 1 redelivery', () => {
  it('stores a re-sent PUBLISH (DUP, same packet id) once, and a new message reusing the id again', async () => {
    const raw = await connectRaw(port, 'raw-dup', token)
    const topic = `lookout/nodes/${greenfield.node.uid}/telemetry`
    await raw.publishQos1(topic, '{"mqtt_dup": 1}', 7, false)
    await raw.publishQos1(topic, '{"mqtt_dup": 1}', 7, true)
    await raw.publishQos1(topic, '{"mqtt_dup": 1}', 7, true)
    expect(await storedPoints(greenfield, 'mqtt_dup')).toHaveLength(1)
    await raw.publishQos1(topic, '{"mqtt_dup": 1}', 7, false)
    expect(await storedPoints(greenfield, 'mqtt_dup')).toHaveLength(2)
    raw.close()
  })
})

describe('bad messages', () => {
  it('drops malformed JSON and invalid values, counts and logs them with the topic and field, and keeps the session', async () => {
    const client = await device()
    const topic = `lookout/nodes/${greenfield.node.uid}/telemetry`
    const before = await mqttMessageCount(server.url, 'telemetry', 'invalid')
    await client.publishAsync(topic, '{"ph": 6.', { qos: 1 })
    await client.publishAsync(topic, '{"mqtt_bad": "high"}', { qos: 1 })
    await client.publishAsync(topic, '{"samples": [{"metric": "mqtt_bad", "value": null}]}', { qos: 1 })
    await client.publishAsync('lookout/nodes/no-such-node-anywhere/telemetry', '{"mqtt_bad": 1}', { qos: 1 })
    expect(await mqttMessageCount(server.url, 'telemetry', 'invalid')).toBe(before + 3)
    expect(server.output()).toContain(`on ${topic}: payload: not valid JSON`)
    expect(server.output()).toContain(`on ${topic}: mqtt_bad: must be a number`)
    expect(server.output()).toContain(`on ${topic}: samples.0.value`)
    expect(client.connected).toBe(true)
    await client.publishAsync(topic, '{"mqtt_after_bad": 3}', { qos: 1 })
    expect((await storedPoints(greenfield, 'mqtt_after_bad')).map(point => point.value)).toEqual([3])
  })

  it('closes the connection of a packet over MQTT_MAX_PACKET_BYTES and stores nothing of it', async () => {
    const client = await device()
    const closed = new Promise(resolve => client.once('close', () => resolve(undefined)))
    client.publish(`lookout/nodes/${greenfield.node.uid}/telemetry`, JSON.stringify({ mqtt_big: 1, padding: 'x'.repeat(MAX_PACKET) }), { qos: 0 })
    await closed
    expect(await storedPoints(greenfield, 'mqtt_big')).toEqual([])
    expect(await mqttMessageCount(server.url, 'unknown', 'oversized')).toBeGreaterThan(0)
  })
})

describe('flood', () => {
  it('stores a token\'s messages up to its per-minute limit, drops the rest, and keeps serving other tokens', async () => {
    const floodToken = await createToken(greenfield.admin, ['ingest'], 'flooding device')
    const flooder = await connectDevice(broker, { username: floodToken })
    clients.push(flooder)
    const topic = `lookout/nodes/${greenfield.node.uid}/telemetry`
    const before = await mqttMessageCount(server.url, 'telemetry', 'rate_limited')
    await Promise.all(Array.from({ length: RATE_LIMIT + 100 }, (_, index) => flooder.publishAsync(topic, `{"mqtt_flood": ${index}}`, { qos: 1 })))
    expect(await mqttMessageCount(server.url, 'telemetry', 'rate_limited')).toBe(before + 100)
    expect(await storedPoints(greenfield, 'mqtt_flood')).toHaveLength(RATE_LIMIT)
    const other = await device()
    await other.publishAsync(topic, '{"mqtt_not_flooding": 1}', { qos: 1 })
    expect(await storedPoints(greenfield, 'mqtt_not_flooding')).toHaveLength(1)
  }, 120_000)
})
