// Each webhook event type reaches a real receiver on loopback, signed so the pusher SDK's webhook() accepts it,
// and a receiver's filter decides what the body it is sent holds.
import type PusherJs from 'pusher-js'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connected, pusherClient, serverSdk, waitFor } from '../support/clients'
import { startServer, TEST_APP } from '../support/server-process'
import type { ServerProcess } from '../support/server-process'
import { startWebhookReceiver } from '../support/webhook-receiver'
import type { WebhookReceiver } from '../support/webhook-receiver'
import { subscribed, webhooksEnv } from '../support/webhook-setup'

let server: ServerProcess
let all: WebhookReceiver
let filtered: WebhookReceiver
const clients: PusherJs[] = []

beforeAll(async () => {
  all = await startWebhookReceiver()
  filtered = await startWebhookReceiver()
  server = await startServer(webhooksEnv([
    { url: all.url },
    { url: filtered.url, event_types: ['channel_occupied', 'channel_vacated', 'member_added'], filter: { channel_name_starts_with: 'private-', channel_name_ends_with: '.kept' } },
  ]))
})
afterEach(() => {
  for (const client of clients.splice(0)) client.disconnect()
})
afterAll(async () => {
  await server?.stop()
  await all?.close()
  await filtered?.close()
})

async function client(user?: { user_id: string }): Promise<PusherJs> {
  const pusher = pusherClient(server, serverSdk(server), { user })
  clients.push(pusher)
  await connected(pusher)
  return pusher
}

const eventsOn = (receiver: WebhookReceiver, channel: string) => receiver.events().filter(event => event.channel === channel)
const until = (what: string, predicate: () => boolean) => waitFor(predicate, 10_000, what)

describe('webhook events', () => {
  it('reports channel_occupied, then channel_vacated within 5 s of the last subscriber leaving, signed and typed application/json', async () => {
    const pusher = await client()
    await subscribed(pusher, 'private-occupancy')
    const occupancy = () => eventsOn(all, 'private-occupancy').map(event => event.name).filter(name => name.startsWith('channel_'))
    await until('channel_occupied', () => occupancy().length === 1)
    pusher.unsubscribe('private-occupancy')
    const left = Date.now()
    await until('channel_vacated', () => occupancy().length === 2)
    expect(Date.now() - left).toBeLessThan(5_000)
    expect(occupancy()).toEqual(['channel_occupied', 'channel_vacated'])
    const request = all.accepted.find(item => item.events.some(event => event.channel === 'private-occupancy'))!
    expect(request.valid).toBe(true)
    expect(request.headers['content-type']).toBe('application/json')
    expect(request.headers['x-pusher-key']).toBe(TEST_APP.key)
    expect(Object.keys(JSON.parse(request.rawBody))).toEqual(['time_ms', 'events'])
  })

  it('reports member_added on a user\'s first socket and member_removed after their last', async () => {
    const first = await client({ user_id: 'u-7' })
    const second = await client({ user_id: 'u-7' })
    await subscribed(first, 'presence-room')
    await subscribed(second, 'presence-room')
    await until('member_added', () => eventsOn(all, 'presence-room').some(event => event.name === 'member_added'))
    first.unsubscribe('presence-room')
    second.unsubscribe('presence-room')
    await until('member_removed', () => eventsOn(all, 'presence-room').some(event => event.name === 'member_removed'))
    const members = eventsOn(all, 'presence-room').filter(event => event.name.startsWith('member_'))
    expect(members).toEqual([{ name: 'member_added', channel: 'presence-room', user_id: 'u-7' }, { name: 'member_removed', channel: 'presence-room', user_id: 'u-7' }])
  })

  it('reports client events with their event name, data as sent, socket id and presence user id', async () => {
    const sender = await client({ user_id: 'u-1' })
    const listener = await client({ user_id: 'u-2' })
    await subscribed(listener, 'presence-chat')
    const channel = await subscribed(sender, 'presence-chat')
    channel.trigger('client-typing', { who: 'u-1', at: 5 })
    await until('client_event', () => eventsOn(all, 'presence-chat').some(event => event.name === 'client_event'))
    expect(eventsOn(all, 'presence-chat').find(event => event.name === 'client_event')).toEqual({
      name: 'client_event', channel: 'presence-chat', event: 'client-typing', data: '{"who":"u-1","at":5}', socket_id: sender.connection.socket_id, user_id: 'u-1',
    })
  })

  it('reports a cache miss when a cache channel has no event to replay', async () => {
    await subscribed(await client(), 'cache-weather')
    await until('cache_miss', () => eventsOn(all, 'cache-weather').some(event => event.name === 'cache_miss'))
  })

  it('reports subscription counts as they change', async () => {
    await subscribed(await client(), 'counted')
    await subscribed(await client(), 'counted')
    await until('a count of 2', () => eventsOn(all, 'counted').some(event => event.name === 'subscription_count' && event.subscription_count === 2))
  })

  it('sends a filtered receiver bodies holding only its event types on matching channels', async () => {
    const pusher = await client({ user_id: 'u-9' })
    for (const name of ['private-orders.kept', 'private-orders.other', 'public.kept', 'presence-x.kept']) await subscribed(pusher, name)
    await until('the kept occupancy', () => eventsOn(filtered, 'private-orders.kept').length === 1)
    await until('everything at the unfiltered receiver', () => eventsOn(all, 'presence-x.kept').length >= 2)
    expect(filtered.accepted.every(request => request.valid)).toBe(true)
    expect(filtered.events()).toEqual([{ name: 'channel_occupied', channel: 'private-orders.kept' }])
  })
})
