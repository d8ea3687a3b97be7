// A tenant-B user, with real pusher-js clients, tries every way into tenant A's channels and gets nothing,
// while tenant A's own traffic keeps flowing.
import type Pusher from 'pusher'
import PusherJs from 'pusher-js'
import type { ChannelAuthorizationCallback } from 'pusher-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serverSdk, serverSocket, waitFor } from '../support/clients'
import { demoEmail, firstZonedNode, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'

type Forge = (socketId: string, channel: string) => Promise<{ auth: string, channel_data?: string }>

let server: ServerProcess
let sdk: Pusher
let alice: Session
let bob: Session
const clients: PusherJs[] = []

async function endpointAuth(session: Session, socketId: string, channel: string): Promise<{ status: number, body: { auth: string, channel_data?: string } }> {
  const response = await session.fetch('/broadcasting/auth', { method: 'POST', body: JSON.stringify({ socket_id: socketId, channel_name: channel }) })
  return { status: response.status, body: await response.json() as { auth: string, channel_data?: string } }
}

/** A pusher-js client whose authorisation is `forge` (by default the real endpoint with the session). */
function client(session: Session, forge?: Forge): PusherJs {
  const created = new PusherJs(TEST_APP.key, {
    cluster: 'local', ...serverSocket(server),
    channelAuthorization: {
      endpoint: '', transport: 'ajax',
      customHandler: ({ socketId, channelName }, callback: ChannelAuthorizationCallback) => {
        const signed = forge
          ? forge(socketId, channelName).then(body => ({ status: 200, body }))
          : endpointAuth(session, socketId, channelName)
        signed.then(({ status, body }) => status === 200 ? callback(null, body) : callback(new Error(`auth ${status}`), null))
      },
    },
  })
  clients.push(created)
  return created
}

/** Subscribes and resolves with what happened: joined, or refused. */
function attempt(pusher: PusherJs, channel: string, received: string[]): Promise<'joined' | 'refused'> {
  const subscription = pusher.subscribe(channel)
  subscription.bind_global((event: string) => { if (!event.startsWith('pusher')) received.push(`${channel}:${event}`) })
  return new Promise((resolve) => {
    subscription.bind('pusher:subscription_succeeded', () => resolve('joined'))
    subscription.bind('pusher:subscription_error', () => resolve('refused'))
  })
}

let tenantAChannels: string[] = []
let bobOwnZone = 0

beforeAll(async () => {
  server = await startServer()
  sdk = serverSdk(server)
  alice = await login(server, demoEmail('operator', 'greenfield'))
  bob = await login(server, demoEmail('admin', 'northwind'))
  const zoneOf = async (session: Session) => (await firstZonedNode(session)).zoneId
  const aZone = await zoneOf(alice)
  bobOwnZone = await zoneOf(bob)
  const t = alice.user.tenantId
  tenantAChannels = [
    ...['alerts', 'events', 'commands', 'devices', 'gateways', 'fleet'].map(stream => `private-tenant.${t}.${stream}`),
    `private-zone.${aZone}`, `private-zone.${aZone}.commands`, `presence-zone.${aZone}`, `private-encrypted-zone.${aZone}`,
    'private-gateway.1', 'private-vehicle.1', `private-user.${alice.user.id}`,
  ]
}, 60_000)
afterAll(async () => {
  for (const created of clients) created.disconnect()
  await server.stop()
})

describe('tenant isolation over WebSocket', () => {
  it('keeps tenant B out of every tenant-A channel family, whatever it forges, and tenant A still receives', async () => {
    const aliceClient = client(alice)
    const aliceReceived: string[] = []
    const aliceJoined = await Promise.all(tenantAChannels.filter(channel => !channel.startsWith('private-encrypted-')).map(channel => attempt(aliceClient, channel, aliceReceived)))
    expect(aliceJoined.every(outcome => outcome === 'joined')).toBe(true)

    const bobReceived: string[] = []
    const aliceSocket = aliceClient.connection.socket_id
    const strategies: Record<string, Forge | undefined> = {
      'the auth endpoint with its own session': undefined,
      'a forged signature': async () => ({ auth: `${TEST_APP.key}:${'ab'.repeat(32)}`, channel_data: JSON.stringify({ user_id: String(bob.user.id) }) }),
      'a signature replayed from tenant A\'s socket': async (_socket, channel) => (await endpointAuth(alice, aliceSocket, channel)).body,
      'a valid signature for its own channel': async (socketId, channel) => (await endpointAuth(bob, socketId, channel.startsWith('presence-') ? `presence-zone.${bobOwnZone}` : `private-zone.${bobOwnZone}`)).body,
    }
    for (const [strategy, forge] of Object.entries(strategies)) {
      const bobClient = client(bob, forge)
      const outcomes = await Promise.all(tenantAChannels.map(async channel => [channel, await attempt(bobClient, channel, bobReceived)] as const))
      expect(outcomes.filter(([, outcome]) => outcome !== 'refused'), strategy).toEqual([])
    }

    for (const channel of tenantAChannels) await sdk.trigger(channel, 'leak.test', { secret: 'tenant A data' })
    const expected = tenantAChannels.filter(channel => !channel.startsWith('private-encrypted-')).length
    await waitFor(() => aliceReceived.length === expected, 5_000, 'tenant A to receive its events')
    await new Promise(done => setTimeout(done, 300))
    expect(bobReceived).toEqual([])
  })
})
