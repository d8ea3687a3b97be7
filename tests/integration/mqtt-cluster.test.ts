// The embedded broker in cluster mode (REDIS_URL): sessions, subscriptions and routing go through Redis, so a
// node that subscribed on one instance gets a command another instance sent while it was offline, wherever it
// reconnects.
import type { MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCluster } from '../support/cluster'
import { createToken } from '../support/ingest-token'
import { connectCollecting, connectDevice, eventually } from '../support/mqtt-device'
import type { TenantWorld } from '../support/mqtt-world'
import { commandStatus, sendNodeCommand, tenantWorld } from '../support/mqtt-world'
import { startRedis } from '../support/redis-process'
import type { RedisProcess } from '../support/redis-process'
import type { ServerProcess } from '../support/server-process'

let redis: RedisProcess
let nodes: ServerProcess[] = []
const clients: MqttClient[] = []

/** The MQTT port a node printed at start-up. */
function mqttPort(node: ServerProcess): number {
  return Number(/embedded MQTT 3\.1\.1 broker on port (\d+)/.exec(node.output())![1])
}

beforeAll(async () => {
  redis = await startRedis()
  // Each node has its own embedded database (same demo data); the broker state is what they share.
  nodes = await startCluster(redis, 2, { MQTT_PORT: '0', MQTT_COMMAND_POLL_MS: '200', HOST: '127.0.0.1' })
  for (const node of nodes) await eventually(() => node.output(), output => output.includes('embedded MQTT 3.1.1 broker'))
}, 120_000)

afterAll(async () => {
  await Promise.all(clients.map(client => client.endAsync(true).catch(() => {})))
  await Promise.all(nodes.map(node => node.stop()))
  await redis?.dispose()
})

describe('embedded broker through Redis', () => {
  it('delivers a command sent on one instance to a node that subscribed on the other and was offline', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess]
    const worldA: TenantWorld = await tenantWorld(a, 'greenfield')
    const worldB: TenantWorld = await tenantWorld(b, 'greenfield')
    expect(worldB.node.uid).toBe(worldA.node.uid)
    const tokenB = await createToken(worldB.admin, ['ingest'])
    const topic = `lookout/nodes/${worldA.node.uid}/commands`
    const first = await connectDevice(`mqtt://127.0.0.1:${mqttPort(b)}`, { username: tokenB, clientId: 'roaming-node', clean: false })
    await first.subscribeAsync(topic, { qos: 1 })
    await first.endAsync()
    const commandId = await sendNodeCommand(worldA, 'mist', { minutes: 2 })
    await eventually(() => commandStatus(worldA, commandId), status => status === 'sent')
    const { client: back, received } = await connectCollecting(`mqtt://127.0.0.1:${mqttPort(b)}`, { username: tokenB, clientId: 'roaming-node', clean: false }, topic)
    clients.push(back)
    await eventually(() => received.length, count => count > 0)
    expect(JSON.parse(received[0]!.payload)).toEqual({ id: commandId, kind: 'mist', params: { minutes: 2 } })
  }, 60_000)
})
