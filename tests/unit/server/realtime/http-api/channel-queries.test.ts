import { describe, expect, it } from 'vitest'
import type { ApiRequest } from '../../../../../server/realtime/http-api/api-request'
import { channelEvents, channelInfo, channelUsers, listChannels } from '../../../../../server/realtime/http-api/channel-queries'
import { signChannelAuth } from '../../../../../server/realtime/signature'
import type { TestClient } from '../fake-transport'
import type { BrokerUnderTest } from '../brokers'
import { brokersUnderTest, settled } from '../brokers'
import { APP, appState, connect, subscribe } from '../fake-transport'

const BROKERS = brokersUnderTest()

function get(query: Record<string, string> = {}): ApiRequest {
  return { method: 'GET', path: '/apps/app/channels', query: new URLSearchParams(query), body: Buffer.alloc(0) }
}

function join(client: TestClient, channel: string, userId: string): void {
  const channelData = JSON.stringify({ user_id: userId })
  subscribe(client, channel, { auth: signChannelAuth(APP.key, APP.secret, client.socketId, channel, channelData), channel_data: channelData })
}

/** news (2 sockets), presence-room (users u1 with 2 sockets, u2), presence-lobby (u3), private-x. */
async function populated(createEngine: BrokerUnderTest['createEngine']) {
  const engine = await createEngine()
  const state = appState(engine)
  const [a, b, c] = [connect(engine), connect(engine), connect(engine)]
  subscribe(a, 'news')
  subscribe(b, 'news')
  join(a, 'presence-room', 'u1')
  join(b, 'presence-room', 'u1')
  join(c, 'presence-room', 'u2')
  join(c, 'presence-lobby', 'u3')
  subscribe(c, 'private-x', { auth: signChannelAuth(APP.key, APP.secret, c.socketId, 'private-x') })
  await settled(engine)
  return { engine, state, clients: [a, b, c] }
}

describe.each(BROKERS)('the channel queries on the $name', ({ createEngine }) => {
  describe('listChannels', () => {
    it('lists occupied channels', async () => {
      const { state } = await populated(createEngine)
      const result = await listChannels(state, get())
      expect(result.status).toBe(200)
      expect(Object.keys((result.body as { channels: object }).channels).sort()).toEqual(['news', 'presence-lobby', 'presence-room', 'private-x'])
    })

    it('filters by prefix', async () => {
      const { state } = await populated(createEngine)
      expect(await listChannels(state, get({ filter_by_prefix: 'presence-' }))).toEqual({ status: 200, body: { channels: { 'presence-room': {}, 'presence-lobby': {} } } })
      expect(await listChannels(state, get({ filter_by_prefix: 'nothing-' }))).toEqual({ status: 200, body: { channels: {} } })
    })

    it('gives user_count for presence channels', async () => {
      const { state } = await populated(createEngine)
      expect(await listChannels(state, get({ filter_by_prefix: 'presence-', info: 'user_count' }))).toEqual({
        status: 200, body: { channels: { 'presence-room': { user_count: 2 }, 'presence-lobby': { user_count: 1 } } },
      })
    })

    it('refuses user_count without the presence- prefix filter, and unknown attributes', async () => {
      const { state } = await populated(createEngine)
      expect(await listChannels(state, get({ info: 'user_count' }))).toMatchObject({ status: 400, body: expect.stringContaining('user_count') })
      expect(await listChannels(state, get({ info: 'colour' }))).toMatchObject({ status: 400, body: expect.stringContaining('colour') })
    })

    it('no longer lists a channel whose subscribers all left', async () => {
      const { engine, state, clients } = await populated(createEngine)
      engine.closed(clients[2]!.connection)
      await settled(engine)
      expect(Object.keys(((await listChannels(state, get())).body as { channels: object }).channels).sort()).toEqual(['news', 'presence-room'])
    })
  })

  describe('channelInfo', () => {
    it('tells whether a channel is occupied', async () => {
      const { state } = await populated(createEngine)
      expect(await channelInfo(state, 'news', get())).toEqual({ status: 200, body: { occupied: true } })
      expect(await channelInfo(state, 'empty', get())).toEqual({ status: 200, body: { occupied: false } })
    })

    it('gives user_count and subscription_count of a presence channel', async () => {
      const { state } = await populated(createEngine)
      expect(await channelInfo(state, 'presence-room', get({ info: 'user_count,subscription_count' }))).toEqual({
        status: 200, body: { occupied: true, user_count: 2, subscription_count: 3 },
      })
    })

    it('refuses user_count on a non-presence channel and an invalid name', async () => {
      const { state } = await populated(createEngine)
      expect(await channelInfo(state, 'news', get({ info: 'user_count' }))).toMatchObject({ status: 400, body: expect.stringContaining('user_count') })
      expect(await channelInfo(state, 'bad name', get())).toMatchObject({ status: 400, body: expect.stringContaining('channel') })
    })

    it('gives the cached event of a cache channel', async () => {
      const { engine, state } = await populated(createEngine)
      engine.publish(state, { channels: ['cache-prices'], event: 'tick', data: '{"p":1}', source: 'api' })
      await settled(engine)
      const result = await channelInfo(state, 'cache-prices', get({ info: 'cache' }))
      expect(result.status).toBe(200)
      const body = result.body as { occupied: boolean, cache: { data: string, ttl: number } }
      expect(body.occupied).toBe(false)
      expect(JSON.parse(body.cache.data)).toMatchObject({ p: 1 })
      expect(body.cache.ttl).toBe(1800)
    })
  })

  describe('channelUsers', () => {
    it('lists each user of a presence channel once', async () => {
      const { state } = await populated(createEngine)
      expect(await channelUsers(state, 'presence-room')).toEqual({ status: 200, body: { users: [{ id: 'u1' }, { id: 'u2' }] } })
      expect(await channelUsers(state, 'presence-nobody')).toEqual({ status: 200, body: { users: [] } })
    })

    it('refuses non-presence channels', async () => {
      const { state } = await populated(createEngine)
      expect((await channelUsers(state, 'news')).status).toBe(400)
      expect((await channelUsers(state, 'private-x')).status).toBe(400)
      expect((await channelUsers(state, 'presence-bad name')).status).toBe(400)
    })
  })

  describe('channelEvents', () => {
    it('returns the kept events after an offset', async () => {
      const { engine, state } = await populated(createEngine)
      for (const n of [1, 2, 3]) engine.publish(state, { channels: ['news'], event: 'e', data: `{"n":${n}}`, source: 'api' })
      await settled(engine)
      const result = await channelEvents(state, 'news', get({ after: '1' }))
      expect(result.status).toBe(200)
      const page = result.body as { offset: number, gap: boolean, events: Array<{ offset: number, data: string }> }
      expect(page.offset).toBe(3)
      expect(page.gap).toBe(false)
      expect(page.events.map(event => [event.offset, JSON.parse(event.data).n])).toEqual([[2, 2], [3, 3]])
    })

    it('reports a gap for another epoch', async () => {
      const { engine, state } = await populated(createEngine)
      engine.publish(state, { channels: ['news'], event: 'e', data: '{}', source: 'api' })
      await settled(engine)
      expect((await channelEvents(state, 'news', get({ after: '0', epoch: 'stale.1' }))).body).toMatchObject({ gap: true, events: [] })
    })

    it.each(['-1', '1.5', 'abc'])('refuses after=%s', async (after) => {
      const { state } = await populated(createEngine)
      expect(await channelEvents(state, 'news', get({ after }))).toMatchObject({ status: 400, body: expect.stringContaining('after') })
    })

    it('refuses an invalid channel name', async () => {
      const { state } = await populated(createEngine)
      expect((await channelEvents(state, 'bad name', get())).status).toBe(400)
    })
  })
})
