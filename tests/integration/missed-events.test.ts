// Offsets reach unmodified pusher-js, and the history routes return what a client missed, or say it cannot.
import type Pusher from 'pusher'
import type PusherJs from 'pusher-js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { HistoryPage } from '../../shared/realtime-protocol'
import { connected, pusherClient, serverSdk, waitFor } from '../support/clients'
import { demoEmail, login } from '../support/http-session'
import type { Session } from '../support/http-session'
import { startServer } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { RECOVERY_PATH } from '../../shared/realtime-protocol'

let server: ServerProcess
let sdk: Pusher
let greenfield: Session
const clients: PusherJs[] = []

async function history(query: Record<string, string>, session = greenfield): Promise<{ status: number, page: HistoryPage }> {
  const response = await session.fetch(`/api/realtime/history?${new URLSearchParams(query)}`)
  return { status: response.status, page: await response.json() as HistoryPage }
}

beforeAll(async () => {
  server = await startServer({ LOOKOUT_HISTORY_SIZE: '5' })
  sdk = serverSdk(server)
  greenfield = await login(server, demoEmail('viewer', 'greenfield'))
})
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect()
})
afterAll(() => server.stop())

describe('offsets with unmodified pusher-js', () => {
  it('tells a presence subscriber the channel\'s epoch and offset in the raw subscription message', async () => {
    await sdk.trigger('presence-offsets', 'before', { n: 1 })
    const client = pusherClient(server, sdk, { user: { user_id: 'o1' }, wsPath: RECOVERY_PATH })
    clients.push(client)
    const confirmations: Array<{ __lookout?: { epoch: string, offset: number } }> = []
    client.connection.bind('message', (message: { event: string, data: { __lookout?: { epoch: string, offset: number } } }) => {
      if (message.event === 'pusher_internal:subscription_succeeded') confirmations.push(message.data)
    })
    client.subscribe('presence-offsets')
    await waitFor(() => confirmations.length === 1, 5_000, 'subscription')
    expect(confirmations[0]!.__lookout).toEqual({ epoch: expect.any(String), offset: 1 })
  })
})

describe('GET /api/realtime/history', () => {
  it('returns the events a disconnected client missed, in order, after its last offset', async () => {
    const client = pusherClient(server, sdk, { wsPath: RECOVERY_PATH })
    clients.push(client)
    await connected(client)
    let position: { epoch: string, offset: number } | undefined
    const channel = client.subscribe('public-feed')
    channel.bind('pusher:subscription_succeeded', (data: { __lookout: { epoch: string, offset: number } }) => { position = data.__lookout })
    await waitFor(() => position !== undefined, 5_000, 'subscription')
    const received: Array<{ n: number }> = []
    channel.bind('item', (data: { n: number }) => received.push(data))
    await sdk.trigger('public-feed', 'item', { n: 1 })
    await waitFor(() => received.length === 1, 5_000, 'first event')
    client.disconnect()
    for (let n = 2; n <= 4; n += 1) await sdk.trigger('public-feed', 'item', { n })
    const { status, page } = await history({ channel: 'public-feed', after: '1', epoch: position!.epoch })
    expect(status).toBe(200)
    expect(page.gap).toBe(false)
    expect(page.events.map(event => JSON.parse(event.data).n)).toEqual([2, 3, 4])
    expect(page.events.map(event => event.offset)).toEqual([2, 3, 4])
  })

  it('reports a gap when the missed events are no longer kept', async () => {
    for (let n = 1; n <= 8; n += 1) await sdk.trigger('public-overflow', 'item', { n })
    const { page } = await history({ channel: 'public-overflow', after: '1' })
    expect(page.gap).toBe(true)
    expect(page.events.map(event => event.offset)).toEqual([4, 5, 6, 7, 8])
  })

  it('reports a gap when the epoch is not the channel\'s', async () => {
    await sdk.trigger('public-epoch', 'item', { n: 1 })
    const { page } = await history({ channel: 'public-epoch', after: '1', epoch: 'another-epoch' })
    expect(page.gap).toBe(true)
  })

  it('applies the channel rules: own tenant\'s zone yes, another tenant\'s no, nobody signed in no', async () => {
    await sdk.trigger('private-zone.1', 'zone.updated', { status: 'ok' })
    const own = await history({ channel: 'private-zone.1', after: '0' })
    expect(own.status).toBe(200)
    expect(own.page.events).toHaveLength(1)
    const northwind = await login(server, demoEmail('admin', 'northwind'))
    expect((await history({ channel: 'private-zone.1', after: '0' }, northwind)).status).toBe(403)
    expect((await fetch(`${server.url}/api/realtime/history?channel=private-zone.1&after=0`)).status).toBe(401)
  })

  it('answers 400 naming the parameter when the offset is not a number', async () => {
    const response = await greenfield.fetch('/api/realtime/history?channel=public-feed&after=abc')
    expect(response.status).toBe(400)
    expect((await response.json() as { message: string }).message).toMatch(/after/)
  })
})

describe('GET /apps/{id}/channels/{name}/events (signed)', () => {
  it('returns kept events to a server-side consumer', async () => {
    await sdk.trigger('private-server-side', 'item', { n: 1 })
    await sdk.trigger('private-server-side', 'item', { n: 2 })
    const page = await (await sdk.get({ path: '/channels/private-server-side/events', params: { after: '1' } })).json() as HistoryPage
    expect(page.events.map(event => JSON.parse(event.data).n)).toEqual([2])
  })
})
