// Attacks on the Pusher HTTP API: forged, stale and mismatched signatures, oversized, deep and wrong-typed bodies.
// Each is refused with its HTTP status and a message naming the field, nothing is published or recorded, and the
// server keeps serving.
import type Pusher from 'pusher'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { serverSdk } from '../support/clients'
import { signedApiQuery } from '../support/pusher-signing'
import type { SigningOptions } from '../support/pusher-signing'
import { RawSocket } from '../support/raw-socket'
import { logMark, unhandledErrorsSince } from '../support/server-log'
import type { ServerProcess } from '../support/server-process'
import { startServer, TEST_APP } from '../support/server-process'

const MAX_REQUEST_SIZE = 100_000
const EVENTS_PATH = `/apps/${TEST_APP.id}/events`

let server: ServerProcess
/** Where the server's log stood when the current test began. */
let logAtStart = 0
let sdk: Pusher
let watcher: RawSocket
let published = 0

/** POSTs `body` to the events endpoint, signed as options say; resolves with status and text. */
async function postEvent(body: string, options: SigningOptions & { query?: string, contentType?: string } = {}): Promise<{ status: number, text: string }> {
  const query = options.query ?? signedApiQuery('POST', EVENTS_PATH, body, options)
  const response = await fetch(`${server.url}${EVENTS_PATH}?${query}`, {
    method: 'POST',
    headers: options.contentType === undefined ? { 'content-type': 'application/json' } : { 'content-type': options.contentType },
    body,
  })
  return { status: response.status, text: await response.text() }
}

function eventBody(data: unknown = '{"ok":true}', channel = 'api-target'): string {
  return JSON.stringify({ name: 'update', channels: [channel], data })
}

/** Events recorded on a channel (its history offset): refused requests must not move it. */
async function recorded(channel = 'api-target'): Promise<number> {
  const page = await (await sdk.get({ path: `/channels/${channel}/events`, params: { after: '0' } })).json() as { offset: number }
  return page.offset
}

/** Nothing was published by the refused requests, and a valid event still goes through to the watcher. */
async function nothingPublishedAndStillServing(): Promise<void> {
  expect(await recorded()).toBe(published)
  expect(watcher.frames.filter(frame => frame.event === 'update')).toHaveLength(published)
  const sent = await postEvent(eventBody({ n: published + 1 }))
  expect(sent.status).toBe(200)
  published += 1
  expect(JSON.parse((await watcher.next('update')).data as string)).toMatchObject({ n: published })
  expect(await recorded()).toBe(published)
  expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
  expect(unhandledErrorsSince(server, logAtStart)).toEqual([])
}

beforeAll(async () => {
  server = await startServer({ REVERB_SERVER_MAX_REQUEST_SIZE: String(MAX_REQUEST_SIZE) })
  sdk = serverSdk(server)
  watcher = await RawSocket.open(server, TEST_APP.key)
  watcher.send({ event: 'pusher:subscribe', data: { channel: 'api-target' } })
  await watcher.next('pusher_internal:subscription_succeeded')
})
beforeEach(() => {
  logAtStart = logMark(server)
})
afterAll(async () => {
  watcher.close()
  await server.stop()
})

describe('signatures', () => {
  const body = eventBody()
  const good = signedApiQuery('POST', EVENTS_PATH, body)
  const signature = new URLSearchParams(good).get('auth_signature')!
  const without = (name: string) => good.split('&').filter(pair => !pair.startsWith(`${name}=`)).join('&')

  it.each([
    ['no query at all', '', 'Unknown auth_key'],
    ['no auth_signature', without('auth_signature'), 'Invalid auth_signature'],
    ['an empty auth_signature', `${without('auth_signature')}&auth_signature=`, 'Invalid auth_signature'],
    ['the signature in upper case', `${without('auth_signature')}&auth_signature=${signature.toUpperCase()}`, 'Invalid auth_signature'],
    ['the signature of another path', signedApiQuery('POST', `/apps/${TEST_APP.id}/batch_events`, body), 'Invalid auth_signature'],
    ['the signature of a GET', signedApiQuery('GET', EVENTS_PATH, body), 'Invalid auth_signature'],
    ['another secret', signedApiQuery('POST', EVENTS_PATH, body, { secret: 'not-the-secret' }), 'Invalid auth_signature'],
    ['another auth_key', good.replace(`auth_key=${TEST_APP.key}`, 'auth_key=other-key'), 'Unknown auth_key'],
    ['no auth_key', without('auth_key'), 'Unknown auth_key'],
    ['auth_version 2.0', good.replace('auth_version=1.0', 'auth_version=2.0'), 'auth_version must be 1.0'],
    ['an extra parameter that was not signed', `${good}&info=subscription_count`, 'Invalid auth_signature'],
  ])('refuses a request with %s with 401', async (_what, query, message) => {
    const answer = await postEvent(body, { query })
    expect(answer).toEqual({ status: 401, text: message })
    await nothingPublishedAndStillServing()
  })

  it.each([
    ['701 s old', -701],
    ['701 s ahead', 701],
    ['a day old', -86_400],
    ['at the epoch', Number.NaN],
  ])('refuses a timestamp %s with 401 naming auth_timestamp', async (_what, offset) => {
    const timestamp = Number.isNaN(offset) ? 0 : Math.floor(Date.now() / 1000) + offset
    const answer = await postEvent(body, { timestamp })
    expect(answer.status).toBe(401)
    expect(answer.text).toMatch(/^auth_timestamp is more than 600 s/)
    await nothingPublishedAndStillServing()
  })

  it.each(['NaN', 'Infinity', '-Infinity', 'soon', '1e400'])('refuses the auth_timestamp %j with 401', async (value) => {
    const query = good.replace(/auth_timestamp=\d+/, `auth_timestamp=${value}`)
    expect(await postEvent(body, { query })).toEqual({ status: 401, text: 'Missing or invalid auth_timestamp' })
    await nothingPublishedAndStillServing()
  })

  it('accepts timestamps 500 s behind and ahead of the server clock', async () => {
    for (const offset of [-500, 500]) {
      const answer = await postEvent(eventBody({ n: published + 1 }), { timestamp: Math.floor(Date.now() / 1000) + offset })
      expect(answer.status).toBe(200)
      published += 1
      await watcher.next('update')
    }
    await nothingPublishedAndStillServing()
  })

  it.each([
    ['a body other than the signed one', eventBody({ ok: false }), body],
    ['an empty body where one was signed', '', body],
    ['a body where none was signed', body, ''],
  ])('refuses %s with 401 naming body_md5', async (_what, sent, signedBody) => {
    const query = signedApiQuery('POST', EVENTS_PATH, sent, { signedBody })
    const answer = await postEvent(sent, { query })
    expect(answer.status).toBe(401)
    expect(answer.text).toBe('body_md5 does not match the body')
    await nothingPublishedAndStillServing()
  })
})

describe('bodies', () => {
  it('refuses a body over REVERB_SERVER_MAX_REQUEST_SIZE with 413, whether announced or streamed', async () => {
    const huge = eventBody('x'.repeat(MAX_REQUEST_SIZE))
    expect(await postEvent(huge)).toEqual({ status: 413, text: `Request body is over ${MAX_REQUEST_SIZE} bytes` })
    const chunks = [huge.slice(0, 50_000), huge.slice(50_000)]
    const streamed = await fetch(`${server.url}${EVENTS_PATH}?${signedApiQuery('POST', EVENTS_PATH, huge)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({ pull: (controller) => { const chunk = chunks.shift(); if (chunk) controller.enqueue(new TextEncoder().encode(chunk)); else controller.close() } }),
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    await nothingPublishedAndStillServing()
  })

  it.each([
    ['a form', 'name=update&channels=api-target&data=x', 'application/x-www-form-urlencoded'],
    ['XML', '<event><name>update</name></event>', 'application/xml'],
    ['plain text', 'update api-target', 'text/plain'],
    ['an empty body', '', 'application/json'],
  ])('refuses %s as the body with 400 "Body must be JSON"', async (_what, body, contentType) => {
    expect(await postEvent(body, { contentType })).toEqual({ status: 400, text: 'Body must be JSON' })
    await nothingPublishedAndStillServing()
  })

  it('reads a signed JSON body whatever Content-Type says: the signature covers the body, not the header', async () => {
    const answer = await postEvent(eventBody({ n: published + 1 }), { contentType: 'text/plain' })
    expect(answer.status).toBe(200)
    published += 1
    await watcher.next('update')
    await nothingPublishedAndStillServing()
  })

  it('refuses data nested 10 000 levels deep with 400 naming data', async () => {
    // JSON.parse reads any depth, JSON.stringify overflows the stack: this used to be a 500.
    const deep = `{"name":"update","channels":["api-target"],"data":${'['.repeat(10_000)}${']'.repeat(10_000)}}`
    expect(await postEvent(deep)).toEqual({ status: 400, text: 'data: nested too deeply' })
    await nothingPublishedAndStillServing()
  })

  it('refuses a body that is 10 000 nested arrays with 400 naming the body', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`
    const answer = await postEvent(deep)
    expect(answer.status).toBe(400)
    expect(answer.text).toMatch(/^body: /)
    await nothingPublishedAndStillServing()
  })

  it('publishes string data holding deeply nested JSON as it came, even with a stale __lookout key', async () => {
    // Such a payload cannot be re-encoded to strip the key; it used to fail the publish with a 500.
    const nested = `{"__lookout":{"offset":1},"deep":${'['.repeat(4_900)}${']'.repeat(4_900)}}`
    const answer = await postEvent(eventBody(nested))
    expect(answer.status).toBe(200)
    published += 1
    expect((await watcher.next('update')).data).toBe(nested)
    await nothingPublishedAndStillServing()
  })

  it.each([
    ['1000 channels', JSON.stringify({ name: 'update', channels: Array.from({ length: 1_000 }, (_, i) => `c${i}`), data: '{}' }), 413, 'channels: at most 100 channels per event'],
    ['data over REVERB_APP_MAX_MESSAGE_SIZE', eventBody('x'.repeat(10_001)), 413, 'data: 10001 bytes is over the limit of 10000'],
    ['the socket_id NaN', JSON.stringify({ name: 'update', channels: ['api-target'], data: '{}', socket_id: 'NaN' }), 400, /^socket_id: /],
    ['the socket_id 1e400, a number', '{"name":"update","channels":["api-target"],"data":"{}","socket_id":1e400}', 400, /^socket_id: /],
    ['a number as the body', '1e400', 400, /^body: /],
  ])('refuses %s with its status and a message naming the field', async (_what, body, status, message) => {
    const answer = await postEvent(body)
    expect(answer.status).toBe(status)
    if (typeof message === 'string') expect(answer.text).toBe(message)
    else expect(answer.text).toMatch(message)
    await nothingPublishedAndStillServing()
  })

  it('refuses a batch with one bad event with 400 and publishes none of it', async () => {
    const path = `/apps/${TEST_APP.id}/batch_events`
    const body = `{"batch":[{"name":"update","channel":"api-target","data":"{}"},{"name":"update","channel":"api-target","data":${'['.repeat(10_000)}${']'.repeat(10_000)}}]}`
    const response = await fetch(`${server.url}${path}?${signedApiQuery('POST', path, body)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(response.status).toBe(400)
    expect(await response.text()).toBe('batch[1].data: nested too deeply')
    await nothingPublishedAndStillServing()
  })
})
