// Revoking a token or disabling its user ends that token's MQTT sessions on the embedded broker at once, and
// the device cannot connect again; sessions of other tokens stay connected.
import type { MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAdmin, ingestTokenWithId } from '../support/device-tokens'
import { freePort } from '../support/free-port'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { connackCode, connectDevice, eventually } from '../support/mqtt-device'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

let server: ServerProcess
let broker: string
let admin: Session
const clients: MqttClient[] = []

/** A connected device that records when the broker closed its connection. */
async function device(token: string): Promise<{ client: MqttClient, closed: () => boolean }> {
  const client = await connectDevice(broker, { username: token })
  clients.push(client)
  let closed = false
  client.on('close', () => { closed = true })
  return { client, closed: () => closed }
}

beforeAll(async () => {
  const port = await freePort()
  broker = `mqtt://127.0.0.1:${port}`
  server = await startServer({ MQTT_PORT: String(port) })
  await eventually(() => server.output(), output => output.includes('embedded MQTT 3.1.1 broker'))
  admin = await login(server, demoEmail('admin', 'greenfield'))
}, 120_000)

afterAll(async () => {
  await Promise.all(clients.map(client => client.endAsync(true).catch(() => {})))
  await server?.stop()
})

describe('MQTT sessions and revocation', () => {
  it('closes the sessions of a revoked token at once and refuses its reconnection, leaving other tokens connected', async () => {
    const revoked = await ingestTokenWithId(admin)
    const kept = await ingestTokenWithId(admin)
    const [first, second, other] = [await device(revoked.token), await device(revoked.token), await device(kept.token)]
    const response = await admin.fetch(`/api/tokens/${revoked.id}`, { method: 'DELETE' })
    expect(response.status).toBe(200)
    await eventually(() => first.closed() && second.closed(), closed => closed, 5_000)
    expect(await connackCode(broker, { username: revoked.token })).toBe(5)
    expect(other.closed()).toBe(false)
    await other.client.publishAsync('lookout/nodes/none/telemetry', '{"x": 1}', { qos: 1 })
    expect(server.output()).toMatch(/closed 2 session\(s\) of a revoked token/)
  })

  it('closes every session of a disabled user and refuses them until the user is enabled again', async () => {
    const userId = await addAdmin(admin, `device-owner-${Date.now()}@greenfield.example`)
    const { token } = await ingestTokenWithId(admin, userId)
    const session = await device(token)
    expect((await admin.fetch(`/api/users/${userId}/disable`, { method: 'POST' })).status).toBe(200)
    await eventually(() => session.closed(), closed => closed, 5_000)
    expect(await connackCode(broker, { username: token })).toBe(5)
    expect((await admin.fetch(`/api/users/${userId}/enable`, { method: 'POST' })).status).toBe(200)
    expect(await connackCode(broker, { username: token })).toBe(0)
  })
})
