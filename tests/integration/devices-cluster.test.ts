// Devices in cluster mode (REDIS_URL, one PostgreSQL): a command queued on one instance reaches the tracker
// connected to the other, and revoking a token on one instance ends its MQTT sessions on the other at once
// and keeps it out of every instance.
import type { MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeCommand, encodeCommandResponse } from '../../server/devices/teltonika/codec12'
import { health } from '../support/cluster'
import { ingestTokenWithId } from '../support/device-tokens'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { connackCode, connectDevice, eventually } from '../support/mqtt-device'
import { freshPostgres } from '../support/postgres-database'
import { startRedis } from '../support/redis-process'
import type { RedisProcess } from '../support/redis-process'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { TrackerClient } from '../support/tracker-client'

// Demo vehicle with a tracker: Truck 12 of Northwind.
const TRUCK_12_IMEI = '356307042440012'

let redis: RedisProcess
let a: ServerProcess
let b: ServerProcess
const clients: MqttClient[] = []

const mqttPort = (node: ServerProcess) => Number(/embedded MQTT 3\.1\.1 broker on port (\d+)/.exec(node.output())![1])
const trackerPort = (node: ServerProcess) => Number(/Codec 8\/8E over TCP on port (\d+)/.exec(node.output())![1])

beforeAll(async () => {
  redis = await startRedis()
  const env = { REDIS_URL: redis.url, DATABASE_URL: await freshPostgres(), SESSION_SECRET: 's'.repeat(40), MQTT_PORT: '0', TELTONIKA_PORT: '0' }
  // One after the other: the first migrates and seeds the shared database.
  a = await startServer(env)
  b = await startServer(env)
  for (const node of [a, b]) {
    await eventually(() => node.output(), output => output.includes('embedded MQTT 3.1.1 broker') && /Codec 8\/8E over TCP on port \d+/.test(output))
    await eventually(() => health(node), state => state.cluster?.redis === 'up' && state.cluster.nodes === 2)
  }
}, 180_000)

afterAll(async () => {
  await Promise.all(clients.map(client => client.endAsync(true).catch(() => {})))
  await Promise.all([a, b].map(node => node?.stop()))
  await redis?.dispose()
})

/** The next Codec 12 packet the server sent the tracker, whole. */
async function commandPacket(client: TrackerClient): Promise<Buffer> {
  const head = await client.read(8)
  return Buffer.concat([head, await client.read(head.readUInt32BE(4) + 4)])
}

async function commandOf(session: Session, vehicleId: number, commandId: number) {
  const { data } = await (await session.fetch(`/api/vehicles/${vehicleId}/commands`)).json() as { data: Array<{ id: number, status: string, response: string | null }> }
  return data.find(entry => entry.id === commandId)
}

describe('devices across instances', () => {
  it('delivers a command queued on one instance to the tracker connected to the other, and stores its answer', async () => {
    const operator = await login(a, demoEmail('operator', 'northwind'))
    const fleet = await (await operator.fetch(`/api/tenants/${operator.user.tenantId}/fleet`)).json() as { data: Array<{ id: number, name: string }> }
    const truck = fleet.data.find(entry => entry.name === 'Truck 12')!.id
    const tracker = await TrackerClient.open(trackerPort(b))
    expect(await tracker.handshake(TRUCK_12_IMEI)).toBe(1)
    const sent = await operator.fetch(`/api/vehicles/${truck}/commands`, { method: 'POST', body: JSON.stringify({ kind: 'engine_block' }) })
    expect(sent.status).toBe(201)
    const { data: command } = await sent.json() as { data: { id: number } }
    expect((await commandPacket(tracker)).equals(encodeCommand('setdigout 1'))).toBe(true)
    tracker.write(encodeCommandResponse('DOUT1:1'))
    expect(await eventually(() => commandOf(operator, truck, command.id), entry => entry?.status === 'succeeded', 10_000)).toMatchObject({ response: 'DOUT1:1' })
    tracker.close()
  }, 60_000)

  it('ends a token\'s MQTT session on the other instance when it is revoked, and no instance lets it back in', async () => {
    const admin = await login(a, demoEmail('admin', 'greenfield'))
    const { id, token } = await ingestTokenWithId(admin)
    const client = await connectDevice(`mqtt://127.0.0.1:${mqttPort(b)}`, { username: token })
    clients.push(client)
    let closed = false
    client.on('close', () => { closed = true })
    expect((await admin.fetch(`/api/tokens/${id}`, { method: 'DELETE' })).status).toBe(200)
    await eventually(() => closed, value => value, 5_000)
    expect(await connackCode(`mqtt://127.0.0.1:${mqttPort(b)}`, { username: token })).toBe(5)
    expect(await connackCode(`mqtt://127.0.0.1:${mqttPort(a)}`, { username: token })).toBe(5)
  }, 60_000)
})
